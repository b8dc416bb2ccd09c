package gr.solidarity.ledger.command.stock;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.SameUnitOfWork;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedLot;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Function;

@Component
class RepositoryStockDesk implements StockDesk {

    private final Repository<Warehouse> warehouses;

    RepositoryStockDesk(Repository<Warehouse> warehouses) {
        this.warehouses = warehouses;
    }

    @Override
    public List<ReservedLot> reserve(ReserveStock request) {
        return onWarehouse(request.warehouseId(), warehouse -> warehouse.reserve(request));
    }

    @Override
    public List<ReservedLot> release(ReleaseReservation request) {
        return onWarehouse(request.warehouseId(), warehouse -> warehouse.release(request));
    }

    @Override
    public List<ReservedLot> dispatch(DispatchReservation request) {
        return onWarehouse(request.warehouseId(), warehouse -> warehouse.dispatch(request));
    }

    private List<ReservedLot> onWarehouse(String warehouseId, Function<Warehouse, List<ReservedLot>> call) {
        if (warehouseId == null || warehouseId.isBlank()) {
            throw CommandRefusedException.invalid(WAREHOUSE_NOT_FOUND, "warehouseId", "warehouseId is required");
        }
        return SameUnitOfWork.call(warehouses, warehouseId, call,
                () -> CommandRefusedException.notFound(WAREHOUSE_NOT_FOUND, "warehouseId", "no warehouse " + warehouseId));
    }
}
