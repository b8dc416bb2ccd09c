package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.messages.history.StoredType;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every type the event store keeps under a stable name: the events of the published language and the aggregates kept
 * as snapshots, each with the revision of its current shape. Found by their {@link StoredType} declaration, so a new
 * event type needs nothing but its declaration to be stored under its own name.
 */
public final class StoredTypes {

    /** Where events live: the published language. Stored types elsewhere are aggregates kept as snapshots. */
    static final String MESSAGES_PACKAGE = "gr.solidarity.ledger.messages";
    /** Where aggregates live, some of them kept as snapshots. */
    private static final String COMMAND_PACKAGE = "gr.solidarity.ledger.command";

    /** One stored type: its stable name, the revision of its current shape, and the class that has that shape now. */
    public record Entry(String name, int revision, Class<?> type) {

        public String revisionText() {
            return Integer.toString(revision);
        }

        public boolean isEvent() {
            return type.getName().startsWith(MESSAGES_PACKAGE + ".");
        }
    }

    private final Map<String, Entry> byName;
    private final Map<Class<?>, Entry> byClass;

    private StoredTypes(Collection<Class<?>> types) {
        Map<String, Entry> names = new TreeMap<>();
        Map<Class<?>, Entry> classes = new HashMap<>();
        for (Class<?> type : types) {
            StoredType declared = type.getAnnotation(StoredType.class);
            if (declared == null) {
                throw new IllegalArgumentException(type.getName() + " declares no @StoredType");
            }
            if (declared.name().isBlank() || declared.revision() < 1) {
                throw new IllegalStateException(type.getName() + " declares the stored type '" + declared.name()
                        + "' revision " + declared.revision() + ": a name and a revision of 1 or more are required");
            }
            Entry entry = new Entry(declared.name(), declared.revision(), type);
            Entry earlier = names.putIfAbsent(entry.name(), entry);
            if (earlier != null && earlier.type() != type) {
                throw new IllegalStateException("the stored type name '" + entry.name() + "' is declared by both "
                        + earlier.type().getName() + " and " + type.getName() + "; stored names must be unique");
            }
            classes.put(type, entry);
        }
        this.byName = Map.copyOf(names);
        this.byClass = Map.copyOf(classes);
    }

    /** Every type declared in the ledger's events and aggregates. */
    public static StoredTypes ofLedger() {
        return scan(MESSAGES_PACKAGE, COMMAND_PACKAGE);
    }

    public static StoredTypes of(Collection<Class<?>> types) {
        return new StoredTypes(types);
    }

    static StoredTypes scan(String... basePackages) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true; // nested records and abstract-looking types too: only the declaration matters
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(StoredType.class, false));
        ClassLoader loader = StoredTypes.class.getClassLoader();
        List<Class<?>> types = new ArrayList<>();
        for (String basePackage : basePackages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
                types.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), loader));
            }
        }
        return new StoredTypes(types);
    }

    public Optional<Entry> forClass(Class<?> type) {
        return Optional.ofNullable(byClass.get(type));
    }

    public Optional<Entry> forName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    /** All, ordered by name. */
    public List<Entry> all() {
        return byName.values().stream().sorted(Comparator.comparing(Entry::name)).toList();
    }

    public List<Entry> events() {
        return all().stream().filter(Entry::isEvent).toList();
    }

    public List<Entry> snapshots() {
        return all().stream().filter(entry -> !entry.isEvent()).toList();
    }
}
