package gr.solidarity.ledger.messages.pledge;

import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.history.Concerning;
import gr.solidarity.ledger.messages.history.StoredType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public final class PledgeEvents {

    private PledgeEvents() {
    }

    public record PledgeLine(int lineNo, String itemCode, BigDecimal quantity, UnitOfMeasure unit,
                             LocalDate expectedDeliveryDate, LocalDate bestBefore) {
    }

    @StoredType(name = "pledge.PledgeMade", revision = 1)
    public record PledgeMade(String pledgeId, String donorId, List<PledgeLine> lines, String note)
            implements Concerning {

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.ids(donorId);
        }
    }

    @StoredType(name = "pledge.PledgeLineAmended", revision = 1)
    public record PledgeLineAmended(String pledgeId, int lineNo, BigDecimal quantity, LocalDate expectedDeliveryDate,
                                    LocalDate bestBefore) implements Concerning {
    }

    @StoredType(name = "pledge.PledgeLineWithdrawn", revision = 1)
    public record PledgeLineWithdrawn(String pledgeId, int lineNo, String reason) implements Concerning {
    }

    @StoredType(name = "pledge.PledgeWithdrawn", revision = 1)
    public record PledgeWithdrawn(String pledgeId, String reason) implements Concerning {
    }

    /**
     * Goods arrived against a pledge line.
     *
     * @param deliveredTotal all that has arrived for the line so far, this delivery included
     */
    @StoredType(name = "pledge.PledgeDeliveryRecorded", revision = 1)
    public record PledgeDeliveryRecorded(String pledgeId, String receiptId, String warehouseId, int lineNo,
                                         String itemCode, BigDecimal quantity, BigDecimal deliveredTotal)
                                                 implements Concerning {
    }

    /** More arrived for a line than was pledged; recorded explicitly so that statements can show it. */
    @StoredType(name = "pledge.PledgeLineOverDelivered", revision = 1)
    public record PledgeLineOverDelivered(String pledgeId, String receiptId, int lineNo, BigDecimal pledged,
                                          BigDecimal deliveredTotal, BigDecimal excess) implements Concerning {
    }

    /** Everything pledged (on lines not withdrawn) has arrived. */
    @StoredType(name = "pledge.PledgeFulfilled", revision = 1)
    public record PledgeFulfilled(String pledgeId) implements Concerning {
    }
}
