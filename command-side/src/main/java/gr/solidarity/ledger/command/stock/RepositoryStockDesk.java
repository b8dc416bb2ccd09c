package gr.solidarity.ledger.command.stock;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.SameUnitOfWork;
import gr.solidarity.ledger.messages.common.LedgerCommand;
import gr.solidarity.ledger.messages.stock.StockCommands.DispatchReservation;
import gr.solidarity.ledger.messages.stock.StockCommands.ReleaseReservation;
import gr.solidarity.ledger.messages.stock.StockCommands.ReserveStock;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedLot;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class RepositoryStockDesk implements StockDesk {

    private final Repository<Warehouse> warehouses;

    RepositoryStockDesk(Repository<Warehouse> warehouses) {
        this.warehouses = warehouses;
    }

    @Override
    public List<ReservedLot> reserve(ReserveStock command) {
        return handle(command);
    }

    @Override
    public List<ReservedLot> release(ReleaseReservation command) {
        return handle(command);
    }

    @Override
    public List<ReservedLot> dispatch(DispatchReservation command) {
        return handle(command);
    }

    @SuppressWarnings("unchecked")
    private List<ReservedLot> handle(LedgerCommand command) {
        if (command.targetId() == null || command.targetId().isBlank()) {
            throw CommandRefusedException.invalid(WAREHOUSE_NOT_FOUND, "warehouseId", "warehouseId is required");
        }
        return (List<ReservedLot>) SameUnitOfWork.handle(warehouses, command,
                () -> CommandRefusedException.notFound(WAREHOUSE_NOT_FOUND, "warehouseId",
                        "no warehouse " + command.targetId()));
    }
}
