package gr.solidarity.ledger.app.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * mongo-java-server's H2 database with its maps opened with explicit types: documents written field by field
 * ({@link DocumentDataType}) and unique index keys stored encoded ({@link IndexKeyDataType}). Non-unique indexes, which
 * the backend only logs as "not yet implemented" and ignores, are kept too ({@link CompactSecondaryIndex}), in maps of
 * the same store, so they are committed with the documents they index: a query naming an indexed field's value reads
 * the documents with that value, not the whole collection. The map names are the backend's own, so dropping, renaming
 * and removing collections and indexes work on them unchanged. A file written with the backend's default types cannot
 * be read with these; {@link ReadModelStore} sees to it that none is. A file written before non-unique indexes were
 * kept has their descriptions but no entries: each is built from the documents when the file is opened.
 */
final class CompactH2Database extends H2Database {

    private static final Logger log = LoggerFactory.getLogger(CompactH2Database.class);
    private static final String INDEX_INFIX = "._index_";
    private static final String DATA_PREFIX = "databases.";
    private static final String ID_INDEX = "_id_";

    private final MVStore store;

    CompactH2Database(String name, MVStore store, CursorRegistry cursorRegistry) {
        super(name, store, cursorRegistry);
        this.store = store;
        super.initializeNamespacesAndIndexes();
    }

    /**
     * The parent constructor opens the existing collections and indexes, before this class's store is assigned; they
     * are opened once the constructor above has assigned it.
     */
    @Override
    protected void initializeNamespacesAndIndexes() {
        if (store != null) {
            super.initializeNamespacesAndIndexes();
        }
    }

    /**
     * The parent opens the database's maps by name to remove them, with H2's default types wherever a map is not open
     * yet, and removing a map reads its pages; so every one of them is opened with its own types first.
     */
    @Override
    public void drop(Oplog oplog) {
        String databaseName = getDatabaseName();
        for (String mapName : store.getMapNames()) {
            if (mapName.startsWith(DATA_PREFIX + databaseName + ".")) {
                store.openMap(mapName, dataMapBuilder());
            } else if (mapName.startsWith(databaseName + ".") && mapName.contains(INDEX_INFIX)) {
                store.openMap(mapName, indexMapBuilder());
            }
        }
        super.drop(oplog);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = dataMap(namespace);
        MVMap<String, Object> meta = store.openMap("meta." + namespace);
        return new CompactH2Collection(this, collectionName, options, data, meta, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        CompactH2Collection collection = (CompactH2Collection) resolveCollection(collectionName, true);
        MVMap<Object, Document> data = dataMap(getFullCollectionNamespace(collectionName));
        return new CompactSecondaryIndex(indexMap(collectionName, indexName), collection, data.getKeyType()::compare,
                indexName, keys, sparse);
    }

    /**
     * The parent renames a collection's maps only after the collection has taken its new name, so it renamed none: the
     * documents and indexes stayed under the old name, lost to the collection at the next start and found again, out
     * of date, by a later collection of the old name. Here the maps the collection uses are renamed with it, replacing
     * the empty ones the parent opened under the new name.
     */
    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        String oldNamespace = collection.getFullName();
        List<String> indexNames = collection.getIndexes().stream().map(Index::getName).toList();
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String newNamespace = collection.getFullName();
        // both are open, the old ones by the collection, the new ones by the parent: a builder without types finds them
        rename(DATA_PREFIX + oldNamespace, DATA_PREFIX + newNamespace, new MVMap.Builder<>());
        rename("meta." + oldNamespace, "meta." + newNamespace, new MVMap.Builder<>());
        for (String indexName : indexNames) {
            rename(indexMapName(oldNamespace, indexName), indexMapName(newNamespace, indexName), indexMapBuilder());
        }
    }

    private <K, V> void rename(String from, String to, MVMap.Builder<K, V> types) {
        if (!store.hasMap(from)) {
            return;
        }
        if (store.hasMap(to)) {
            store.removeMap(store.openMap(to, types));
        }
        store.renameMap(store.openMap(from, types), to);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        return new CompactUniqueIndex(indexMap(collectionName, indexName), indexName, keys, sparse);
    }

    /** The backend's own name for an index's map, so dropping the index or its collection removes it. */
    private MVMap<byte[], Object> indexMap(String collectionName, String indexName) {
        return store.openMap(indexMapName(getFullCollectionNamespace(collectionName), indexName), indexMapBuilder());
    }

    static MVMap.Builder<byte[], Object> indexMapBuilder() {
        return new MVMap.Builder<byte[], Object>().keyType(IndexKeyDataType.INSTANCE);
    }

    private MVMap<Object, Document> dataMap(String namespace) {
        return store.openMap(DATA_PREFIX + namespace, dataMapBuilder());
    }

    static MVMap.Builder<Object, Document> dataMapBuilder() {
        return new MVMap.Builder<Object, Document>().valueType(DocumentDataType.INSTANCE);
    }

    /** The backend's own name for the map of an index of the collection {@code namespace} ("database.collection"). */
    static String indexMapName(String namespace, String indexName) {
        return namespace + INDEX_INFIX + indexName;
    }

    /**
     * Whether every collection of the file has as many entries in its id index as it has documents. MVStore commits by
     * itself when its write buffer fills, which can fall between a document and its index entries: the backend commits
     * between operations before that (GroupCommitH2Backend), but a single operation that fills the buffer on its own,
     * or a file of an earlier version, can still hold such a commit. A crash before the next commit then leaves a
     * document its id index does not know, which the views' processors, redoing the event, would store a second time
     * under a new position. Counting costs nothing: each map keeps its size in its root page.
     */
    static boolean everyDocumentIndexed(MVStore store) {
        for (String name : store.getMapNames()) {
            if (!name.startsWith(DATA_PREFIX)) {
                continue;
            }
            String idIndex = indexMapName(name.substring(DATA_PREFIX.length()), ID_INDEX);
            if (!store.hasMap(idIndex)) {
                continue;
            }
            long documents = store.openMap(name, dataMapBuilder()).sizeAsLong();
            long indexed = store.openMap(idIndex, indexMapBuilder()).sizeAsLong();
            if (documents != indexed) {
                log.warn("{} holds {} documents and its id index {}", name, documents, indexed);
                return false;
            }
        }
        return true;
    }
}
