package gr.solidarity.ledger.messages.pledge;

import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public final class PledgeEvents {

    private PledgeEvents() {
    }

    public record PledgeLine(int lineNo, String itemCode, BigDecimal quantity, UnitOfMeasure unit,
                             LocalDate expectedDeliveryDate, LocalDate bestBefore) {
    }

    public record PledgeMade(String pledgeId, String donorId, List<PledgeLine> lines, String note) {
    }

    public record PledgeLineAmended(String pledgeId, int lineNo, BigDecimal quantity, LocalDate expectedDeliveryDate,
                                    LocalDate bestBefore) {
    }

    public record PledgeLineWithdrawn(String pledgeId, int lineNo, String reason) {
    }

    public record PledgeWithdrawn(String pledgeId, String reason) {
    }

    /**
     * Goods arrived against a pledge line.
     *
     * @param deliveredTotal all that has arrived for the line so far, this delivery included
     */
    public record PledgeDeliveryRecorded(String pledgeId, String receiptId, String warehouseId, int lineNo,
                                         String itemCode, BigDecimal quantity, BigDecimal deliveredTotal) {
    }

    /** More arrived for a line than was pledged; recorded explicitly so that statements can show it. */
    public record PledgeLineOverDelivered(String pledgeId, String receiptId, int lineNo, BigDecimal pledged,
                                          BigDecimal deliveredTotal, BigDecimal excess) {
    }

    /** Everything pledged (on lines not withdrawn) has arrived. */
    public record PledgeFulfilled(String pledgeId) {
    }
}
