package gr.solidarity.ledger.app.history;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * {@code stock.PhysicalCountRecorded} revision 1 → 2: revision 2 records the day of the count. A count of revision 1
 * was entered when it was made, so its day is the day the event was recorded, in Athens.
 */
final class PhysicalCountDateUpcaster extends SingleEventUpcaster {

    static final String TYPE = "stock.PhysicalCountRecorded";
    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName()) && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        LocalDate countedOn = LocalDate.ofInstant(representation.getTimestamp(), ATHENS);
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), ObjectNode.class,
                payload -> payload.put("countedOn", countedOn.toString()));
    }
}
