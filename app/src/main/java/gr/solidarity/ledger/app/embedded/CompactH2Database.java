package gr.solidarity.ledger.app.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 database with its maps opened with explicit types: documents written field by field
 * ({@link DocumentDataType}) and unique index keys stored encoded ({@link IndexKeyDataType}). The map names are the
 * backend's own, so dropping, renaming and removing collections and indexes work on them unchanged. A file written with
 * the backend's default types cannot be read with these; {@link ReadModelStore} sees to it that none is.
 */
final class CompactH2Database extends H2Database {

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
            if (mapName.startsWith("databases." + databaseName + ".")) {
                store.openMap(mapName, new MVMap.Builder<Object, Document>().valueType(DocumentDataType.INSTANCE));
            } else if (mapName.startsWith(databaseName + ".") && mapName.contains("._index_")) {
                store.openMap(mapName, new MVMap.Builder<byte[], Object>().keyType(IndexKeyDataType.INSTANCE));
            }
        }
        super.drop(oplog);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = store.openMap("databases." + namespace,
                new MVMap.Builder<Object, Document>().valueType(DocumentDataType.INSTANCE));
        MVMap<String, Object> meta = store.openMap("meta." + namespace);
        return new CompactH2Collection(this, collectionName, options, data, meta, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        MVMap<byte[], Object> map = store.openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                new MVMap.Builder<byte[], Object>().keyType(IndexKeyDataType.INSTANCE));
        return new CompactUniqueIndex(map, indexName, keys, sparse);
    }
}
