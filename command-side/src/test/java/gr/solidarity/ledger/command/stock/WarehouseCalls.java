package gr.solidarity.ledger.command.stock;

import gr.solidarity.ledger.command.stock.StockDesk.DispatchReservation;
import gr.solidarity.ledger.command.stock.StockDesk.ReleaseReservation;
import gr.solidarity.ledger.command.stock.StockDesk.ReserveStock;
import gr.solidarity.ledger.command.stock.StockTransfers.ReceiveTransfer;
import gr.solidarity.ledger.command.stock.StockTransfers.ShipTransfer;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedLot;
import gr.solidarity.ledger.messages.stock.StockEvents.TransferredLot;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

import java.util.List;

/**
 * Lets an aggregate fixture call the warehouse's methods the way allocations and transfers do: on the warehouse loaded
 * from the fixture's repository, in the unit of work of the call, so the fixture's given, expected events and expected
 * refusals apply. Only the fixture's own bus knows these handlers; the application's bus has none for them.
 */
final class WarehouseCalls {

    private final StockDesk desk;
    private final Repository<Warehouse> warehouses;

    WarehouseCalls(Repository<Warehouse> warehouses) {
        this.desk = new RepositoryStockDesk(warehouses);
        this.warehouses = warehouses;
    }

    @CommandHandler
    List<ReservedLot> reserve(ReserveStock request) {
        return desk.reserve(request);
    }

    @CommandHandler
    List<ReservedLot> release(ReleaseReservation request) {
        return desk.release(request);
    }

    @CommandHandler
    List<ReservedLot> dispatch(DispatchReservation request) {
        return desk.dispatch(request);
    }

    @CommandHandler
    List<TransferredLot> ship(ShipTransfer request) {
        return warehouses.load(request.warehouseId()).invoke(warehouse -> warehouse.ship(request));
    }

    @CommandHandler
    void receive(ReceiveTransfer request) {
        warehouses.load(request.warehouseId()).execute(warehouse -> warehouse.receive(request));
    }
}
