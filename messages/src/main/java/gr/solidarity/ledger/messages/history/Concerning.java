package gr.solidarity.ledger.messages.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What an event concerns besides the aggregate it belongs to: the organisations (donor companies, recipient structures)
 * and stock lots it names. Every event declares it, so the audit trail finds an event under each of them however the
 * event's fields are named.
 */
public interface Concerning {

    /** Ids of the organisations this event concerns, in a stable order, without duplicates. */
    default List<String> concernedOrganisationIds() {
        return List.of();
    }

    /** Ids of the stock lots this event concerns, in a stable order, without duplicates. */
    default List<String> concernedLotIds() {
        return List.of();
    }

    /** The given ids in order, without nulls and duplicates. */
    static List<String> ids(String... ids) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            if (id != null) {
                distinct.add(id);
            }
        }
        return List.copyOf(distinct);
    }

    /** The ids named by each line, in line order, without nulls and duplicates. */
    @SafeVarargs
    static <T> List<String> idsOf(Collection<T> lines, Function<? super T, String>... fields) {
        List<String> ids = new ArrayList<>();
        if (lines != null) {
            for (T line : lines) {
                if (line != null) {
                    for (Function<? super T, String> field : fields) {
                        ids.add(field.apply(line));
                    }
                }
            }
        }
        return ids(ids.toArray(String[]::new));
    }

    /** Several lists of ids as one, in order, without duplicates. */
    @SafeVarargs
    static List<String> concat(List<String>... lists) {
        return ids(Stream.of(lists).filter(Objects::nonNull).flatMap(List::stream).toArray(String[]::new));
    }
}
