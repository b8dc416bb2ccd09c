package gr.solidarity.ledger.app.embedded;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The keys of a unique index, held as their encoding ({@link IndexKeys}) and compared byte by byte. The backend's own
 * keys are not comparable, so H2 serialised both of them at every comparison of every search; this encodes a key once
 * per lookup. The order is only a search order: queries over ranges filter every key anyway.
 */
final class IndexKeyDataType extends BasicDataType<byte[]> {

    static final IndexKeyDataType INSTANCE = new IndexKeyDataType();

    private IndexKeyDataType() {
    }

    @Override
    public int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    @Override
    public int getMemory(byte[] key) {
        return 24 + key.length;
    }

    @Override
    public void write(WriteBuffer buffer, byte[] key) {
        buffer.putVarInt(key.length).put(key);
    }

    @Override
    public byte[] read(ByteBuffer buffer) {
        byte[] key = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(key);
        return key;
    }

    @Override
    public byte[][] createStorage(int size) {
        return new byte[size][];
    }
}
