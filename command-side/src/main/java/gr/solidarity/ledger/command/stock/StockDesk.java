package gr.solidarity.ledger.command.stock;

import gr.solidarity.ledger.messages.stock.StockEvents.ReservedLot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Allocations reserve, release and dispatch a warehouse's stock through this, in the same unit of work. These are
 * method calls on the warehouse loaded from its repository, not commands: no client can send them on the command bus.
 */
public interface StockDesk {

    String WAREHOUSE_NOT_FOUND = "WAREHOUSE_NOT_FOUND";

    /** @return the lots and quantities actually reserved (first-expiry-first-out where no lot was named) */
    List<ReservedLot> reserve(ReserveStock request);

    List<ReservedLot> release(ReleaseReservation request);

    List<ReservedLot> dispatch(DispatchReservation request);

    /**
     * What an allocation asks of a warehouse for one need line. With {@code lotId} null the warehouse chooses lots of
     * {@code itemCode} first-expiry-first-out.
     */
    record ReservationRequest(int needLineNo, String itemCode, BigDecimal quantity, String lotId) {
    }

    /** Reserve stock for an allocation while it is proposed. */
    record ReserveStock(String warehouseId, String allocationId, List<ReservationRequest> lines, LocalDate today) {
    }

    /** Give back an allocation's reservation (rejected or cancelled). */
    record ReleaseReservation(String warehouseId, String allocationId, String reason) {
    }

    /**
     * Take an allocation's reserved goods out of the warehouse.
     *
     * @param dispatchedOn the day the goods leave: no lot may have expired by then
     */
    record DispatchReservation(String warehouseId, String allocationId, String manifestNumber,
                               LocalDate dispatchedOn) {
    }
}
