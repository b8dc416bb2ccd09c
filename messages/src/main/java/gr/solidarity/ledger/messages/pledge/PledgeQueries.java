package gr.solidarity.ledger.messages.pledge;

import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Queries on pledges (δεσμεύσεις δωρεάς): each with its lines, what arrived against them and when. */
public final class PledgeQueries {

    /** MongoDB collection: one document per pledge, its deliveries inside it. */
    public static final String COLLECTION = "pledges";

    private PledgeQueries() {
    }

    public enum PledgeState {
        /** Nothing has arrived yet; lines may be amended or withdrawn, the whole pledge withdrawn. */
        OPEN,
        /** Some goods arrived; the undelivered lines may still be amended or withdrawn. */
        PARTIALLY_DELIVERED,
        /** Everything pledged on lines not withdrawn has arrived. */
        FULFILLED,
        /** Taken back. */
        WITHDRAWN
    }

    /**
     * @param delivered all that arrived for the line so far; more than {@code pledged} when over-delivered
     * @param withdrawalReason null unless the line was withdrawn
     */
    public record PledgeLineView(int lineNo, String itemCode, UnitOfMeasure unit, BigDecimal pledged,
                                 BigDecimal delivered, LocalDate expectedDeliveryDate, LocalDate bestBefore,
                                 boolean withdrawn, String withdrawalReason) {
    }

    /** What one receipt brought for one line, and the lots it became in the warehouse. */
    public record DeliveredLine(int lineNo, String itemCode, BigDecimal quantity, List<String> lotIds) {
    }

    /**
     * One receipt against the pledge.
     *
     * @param receivedOn the day the goods arrived, as the receipt says (null until the receipt's event is handled)
     * @param recordedAt when the delivery was entered
     */
    public record PledgeDelivery(String receiptId, String warehouseId, LocalDate receivedOn, Instant recordedAt,
                                 List<DeliveredLine> lines) {
    }

    /** @param withdrawalReason null unless the whole pledge was withdrawn */
    public record PledgeView(String pledgeId, String donorId, PledgeState state, Instant madeAt, String note,
                             String withdrawalReason, List<PledgeLineView> lines, List<PledgeDelivery> deliveries) {
    }

    /**
     * A page of pledges, newest first.
     *
     * @param donorId one donor's pledges, null for all
     * @param state   only pledges in this state, null for all
     * @param after   the decoded cursor of the previous page, null for the first page
     */
    public record FindPledges(String donorId, PledgeState state, int limit, String after) {
    }

    public record FindPledge(String pledgeId) {
    }

    /** @param nextCursor null on the last page */
    public record PledgePage(List<PledgeView> items, String nextCursor) {
    }

    /**
     * A live update of the pledges a {@link FindPledges} subscription follows: one of them was made or changed (a
     * line amended or withdrawn, goods received against it, withdrawn, fulfilled).
     */
    public record PledgeChange(String pledgeId, String donorId, PledgeState state) {
    }
}
