package gr.solidarity.ledger.app.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A collection of the embedded MongoDB whose documents are stored under positions given in the order they arrive, not
 * under their ids, and which answers a sorted query with a limit by keeping only as many documents as the answer needs.
 * <p>
 * The backend stored each document under its id, and many views' ids are random (the audit trail's are event ids): each
 * new document then went into a random page of the collection's tree, so every group commit rewrote nearly every page
 * of a large view, and the pages it touched had to be read and decoded first. Under a position that only grows a new
 * document goes into the last page; the id index (a few dozen bytes an entry) still finds it by id, as it did before.
 * <p>
 * The backend sorted every matching document before skipping and limiting, so the first page of a view sorted newest
 * first (the audit trail, for one) held the whole view in memory at once: with a long history more than the heap the jar
 * runs with.
 */
final class CompactH2Collection extends H2Collection {

    private final MVMap<Object, Document> data;
    private final AtomicLong lastPosition;
    /** The position of the document whose index entries are being removed (guarded by the collection's lock). */
    private Object positionBeingRemoved;

    CompactH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                        MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, data, meta, cursorRegistry);
        this.data = data;
        this.lastPosition = new AtomicLong(data.isEmpty() ? 0 : ((Long) data.lastKey()));
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Long position = lastPosition.incrementAndGet();
        Document previous = data.put(position, document);
        if (previous != null) {
            throw new IllegalStateException("position " + position + " of " + this + " was taken");
        }
        return position;
    }

    /**
     * The backend asks each index in turn to remove a document's entries and to say where the document was; the id index
     * is asked first and forgets the document's position, which the document itself does not hold. It is found here
     * beforehand, for the non-unique indexes ({@link CompactSecondaryIndex}), whose entries end with it.
     */
    @Override
    public synchronized void removeDocument(Document document) {
        positionBeingRemoved = positionOf(document);
        try {
            super.removeDocument(document);
        } finally {
            positionBeingRemoved = null;
        }
    }

    /** Where the document being removed is stored; null while none is. */
    synchronized Object positionBeingRemoved() {
        return positionBeingRemoved;
    }

    private Object positionOf(Document document) {
        for (Index<Object> index : getIndexes()) {
            Object position = index.getPosition(document);
            if (position != null) {
                return position;
            }
        }
        return findDocumentPosition(document);
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
