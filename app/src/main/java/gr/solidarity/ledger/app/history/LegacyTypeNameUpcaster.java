package gr.solidarity.ledger.app.history;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.function.Function;

/**
 * An event stored under its former class name and without a revision becomes revision 1 of its stable name; its
 * content is untouched. First in the chain, so that every later upcaster sees stable names only.
 */
final class LegacyTypeNameUpcaster extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getRevision() == null
                && LegacyTypeNames.stableNameOf(representation.getType().getName()).isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String stableName = LegacyTypeNames.stableNameOf(representation.getType().getName()).orElseThrow();
        return representation.upcastPayload(new SimpleSerializedType(stableName, LegacyTypeNames.FIRST_REVISION),
                byte[].class, Function.identity());
    }
}
