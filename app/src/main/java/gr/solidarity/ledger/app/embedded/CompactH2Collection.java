package gr.solidarity.ledger.app.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * A collection of the embedded MongoDB that answers a sorted query with a limit by keeping only as many documents as
 * the answer needs. The backend sorted every matching document before skipping and limiting, so the first page of a
 * view sorted newest first (the audit trail, for one) held the whole view in memory at once: with a long history more
 * than the heap the jar runs with.
 */
final class CompactH2Collection extends H2Collection {

    CompactH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, data, meta, cursorRegistry);
    }

    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documents, int numberToSkip,
                                                   int limit, int batchSize, Comparator<Document> comparator,
                                                   Document fieldSelector) {
        if (comparator == null || limit <= 0) {
            return super.matchDocumentsFromStream(query, documents, numberToSkip, limit, batchSize, comparator,
                    fieldSelector);
        }
        int needed = (int) Math.min(Integer.MAX_VALUE, (long) Math.max(0, numberToSkip) + limit);
        List<Document> first = firstInOrder(documents.filter(document -> documentMatchesQuery(document, query)),
                comparator, needed);
        // the backend then skips, limits and projects these exactly as it would have the whole sorted stream (matching
        // them again on the way: as many documents as the answer, no more)
        return super.matchDocumentsFromStream(query, first.stream(), numberToSkip, limit, batchSize, comparator,
                fieldSelector);
    }

    /**
     * The first {@code count} documents of the stream in the comparator's order, documents that compare equal kept in
     * the order they came, as a stable sort of the whole stream would give them; never more than {@code count} held.
     */
    static List<Document> firstInOrder(Stream<Document> documents, Comparator<Document> comparator, int count) {
        Comparator<Ranked> order = Comparator.<Ranked, Document>comparing(Ranked::document, comparator)
                .thenComparingLong(Ranked::arrival);
        PriorityQueue<Ranked> kept = new PriorityQueue<>(Math.min(count, 1024) + 1, order.reversed());
        long[] arrivals = {0};
        documents.forEach(document -> {
            Ranked ranked = new Ranked(document, arrivals[0]++);
            if (kept.size() < count) {
                kept.add(ranked);
            } else if (count > 0 && order.compare(ranked, kept.peek()) < 0) {
                kept.poll();
                kept.add(ranked);
            }
        });
        List<Ranked> sorted = new ArrayList<>(kept);
        sorted.sort(order);
        return sorted.stream().map(Ranked::document).toList();
    }

    private record Ranked(Document document, long arrival) {
    }
}
