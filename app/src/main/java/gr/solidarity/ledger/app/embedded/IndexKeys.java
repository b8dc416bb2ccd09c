package gr.solidarity.ledger.app.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A unique index's key as bytes: the number of values, then each value ({@link ReadModelValues}). */
final class IndexKeys {

    private IndexKeys() {
    }

    static byte[] encode(KeyValue key) {
        return ReadModelValues.encodeWith(buffer -> {
            buffer.putVarInt(key.size());
            for (Object value : key) {
                ReadModelValues.write(buffer, value);
            }
        });
    }

    static KeyValue decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int size = org.h2.mvstore.DataUtils.readVarInt(buffer);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(ReadModelValues.read(buffer));
        }
        return new KeyValue(values);
    }
}
