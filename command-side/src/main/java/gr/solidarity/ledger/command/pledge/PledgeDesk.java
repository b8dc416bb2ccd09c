package gr.solidarity.ledger.command.pledge;

import java.math.BigDecimal;
import java.util.List;

/**
 * The stock side records deliveries against pledges through this, in the same unit of work as the receipt. It is a
 * method call on the pledge loaded from its repository, not a command: no client can send it on the command bus.
 */
public interface PledgeDesk {

    String PLEDGE_NOT_FOUND = "PLEDGE_NOT_FOUND";

    /** Records the delivery on the pledge and answers the donor whose goods these are. */
    String recordDelivery(RecordPledgeDelivery request);

    /** Goods that arrived against the pledge with a receipt. */
    record RecordPledgeDelivery(String pledgeId, String receiptId, String warehouseId, List<DeliveredQuantity> lines) {
    }

    record DeliveredQuantity(int lineNo, String itemCode, BigDecimal quantity) {
    }
}
