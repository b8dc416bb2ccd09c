package gr.solidarity.ledger.app.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.WriteBuffer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A unique index's key as bytes: the number of values, then each value ({@link ReadModelValues}). */
final class IndexKeys {

    /**
     * One buffer per thread, cleared for every key: H2's buffer grows by at least a megabyte at a time, so a fresh small
     * one for each key allocated (and zeroed) a megabyte for every key longer than it, at every lookup and write.
     */
    private static final ThreadLocal<WriteBuffer> BUFFERS = ThreadLocal.withInitial(() -> new WriteBuffer(256));

    private IndexKeys() {
    }

    static byte[] encode(KeyValue key) {
        WriteBuffer buffer = BUFFERS.get().clear();
        buffer.putVarInt(key.size());
        for (Object value : key) {
            ReadModelValues.write(buffer, value);
        }
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
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
