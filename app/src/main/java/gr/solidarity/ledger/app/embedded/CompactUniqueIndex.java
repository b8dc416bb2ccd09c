package gr.solidarity.ledger.app.embedded;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.MVMap;

import java.util.AbstractMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A unique index of the embedded MongoDB whose keys are stored encoded ({@link IndexKeys}), so a lookup encodes its key
 * once and every comparison in the search is a comparison of bytes. Otherwise it is mongo-java-server's H2 unique index:
 * the same keys, normalised by the index before they come here, the same positions, the same duplicates refused.
 */
final class CompactUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<byte[], Object> map;

    CompactUniqueIndex(MVMap<byte[], Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(IndexKeys.encode(key));
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(IndexKeys.encode(key), Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return () -> new Iterator<>() {
            private final Iterator<Map.Entry<byte[], Object>> entries = map.entrySet().iterator();

            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public Map.Entry<KeyValue, Object> next() {
                Map.Entry<byte[], Object> entry = entries.next();
                return new AbstractMap.SimpleImmutableEntry<>(IndexKeys.decode(entry.getKey()), entry.getValue());
            }
        };
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(IndexKeys.encode(key));
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
