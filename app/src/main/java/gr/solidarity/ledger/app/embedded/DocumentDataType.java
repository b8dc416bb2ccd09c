package gr.solidarity.ledger.app.embedded;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;

/**
 * The documents of a collection, written field by field ({@link ReadModelValues}) instead of in Java serialization,
 * which repeated class descriptions in every document.
 */
final class DocumentDataType extends BasicDataType<Document> {

    static final DocumentDataType INSTANCE = new DocumentDataType();

    private DocumentDataType() {
    }

    @Override
    public int getMemory(Document document) {
        return ReadModelValues.memory(document);
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ReadModelValues.writeDocument(buffer, document);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        return ReadModelValues.readDocument(buffer);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
