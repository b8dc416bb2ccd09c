package gr.solidarity.ledger.app.history;

import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;

import java.util.Objects;
import java.util.Optional;

/**
 * Jackson 3, writing and reading the ledger's stored types under their stable names and revisions instead of their
 * class names. Anything else (Axon's tokens, sagas' own types, the JDK's) keeps its class name, as before.
 * <p>
 * Reading is strict: a stored type whose revision is not the current one after upcasting is refused rather than read
 * into today's class with its missing fields left empty. A name stored before stable names existed (a former class
 * name) is read as revision 1 of its stable name.
 */
public class LedgerSerializer extends Jackson3Serializer {

    private final StoredTypes types;

    protected LedgerSerializer(Builder builder, StoredTypes types) {
        super(builder.revisionResolver(new StoredTypeRevisionResolver(types)));
        this.types = types;
    }

    public static LedgerSerializer create(StoredTypes types, Builder builder) {
        return new LedgerSerializer(builder, types);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        if (type != null) {
            Optional<StoredTypes.Entry> stored = types.forClass(type);
            if (stored.isPresent()) {
                return new SimpleSerializedType(stored.get().name(), getRevisionResolver().revisionOf(type));
            }
        }
        return super.typeForClass(type);
    }

    @Override
    public Class<?> classForType(SerializedType type) {
        Optional<StoredTypes.Entry> stored = types.forName(type.getName());
        String revision = type.getRevision();
        if (stored.isEmpty()) {
            stored = LegacyTypeNames.stableNameOf(type.getName()).flatMap(types::forName);
            revision = revision == null ? LegacyTypeNames.FIRST_REVISION : revision;
        }
        if (stored.isPresent()) {
            StoredTypes.Entry entry = stored.get();
            if (!Objects.equals(entry.revisionText(), revision)) {
                throw new SerializationException("stored type " + entry.name() + " of revision " + revision
                        + " cannot be read as revision " + entry.revision() + " (" + entry.type().getName()
                        + "): an upcaster from revision " + revision + " is missing");
            }
            return entry.type();
        }
        return super.classForType(type);
    }

    /** The declared revision of a stored type; none for anything else. */
    static final class StoredTypeRevisionResolver implements RevisionResolver {

        private final StoredTypes types;

        StoredTypeRevisionResolver(StoredTypes types) {
            this.types = types;
        }

        @Override
        public String revisionOf(Class<?> payloadType) {
            return types.forClass(payloadType).map(StoredTypes.Entry::revisionText).orElse(null);
        }
    }
}
