package gr.solidarity.ledger.command.stock;

import gr.solidarity.ledger.messages.stock.StockCommands.DispatchReservation;
import gr.solidarity.ledger.messages.stock.StockCommands.ReleaseReservation;
import gr.solidarity.ledger.messages.stock.StockCommands.ReserveStock;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedLot;

import java.util.List;

/** Allocations reserve, release and dispatch a warehouse's stock through this, in the same unit of work. */
public interface StockDesk {

    String WAREHOUSE_NOT_FOUND = "WAREHOUSE_NOT_FOUND";

    /** @return the lots and quantities actually reserved (first-expiry-first-out where no lot was named) */
    List<ReservedLot> reserve(ReserveStock command);

    List<ReservedLot> release(ReleaseReservation command);

    List<ReservedLot> dispatch(DispatchReservation command);
}
