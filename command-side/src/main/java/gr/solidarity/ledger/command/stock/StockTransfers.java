package gr.solidarity.ledger.command.stock;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.SameUnitOfWork;
import gr.solidarity.ledger.command.common.Texts;
import gr.solidarity.ledger.messages.stock.StockCommands.TransferLine;
import gr.solidarity.ledger.messages.stock.StockCommands.TransferStock;
import gr.solidarity.ledger.messages.stock.StockEvents.TransferredLot;
import gr.solidarity.ledger.messages.stock.TransferRecorded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Stream;

/**
 * A transfer touches two warehouses: the sending one checks and gives up the stock, the receiving one gets new lots.
 * Both happen in one unit of work, so the goods are never in both places or in neither. The two halves are method calls
 * on the warehouses loaded from their repository, not commands: no client can ship or receive half a transfer.
 */
@Component
public class StockTransfers {

    static final String TRANSFER_TO_SAME_WAREHOUSE = "TRANSFER_TO_SAME_WAREHOUSE";

    private final Repository<Warehouse> warehouses;

    public StockTransfers(Repository<Warehouse> warehouses) {
        this.warehouses = warehouses;
    }

    @CommandHandler
    public TransferRecorded handle(TransferStock command) {
        String transferId = Texts.require("id", command.transferId(), 100);
        String from = Texts.require("fromWarehouseId", command.fromWarehouseId(), 100);
        String to = Texts.require("toWarehouseId", command.toWarehouseId(), 100);
        if (from.equals(to)) {
            throw CommandRefusedException.invalid(TRANSFER_TO_SAME_WAREHOUSE, "toWarehouseId",
                    "a transfer goes to another warehouse");
        }
        if (command.lines() == null || command.lines().isEmpty()) {
            throw CommandRefusedException.invalid(Warehouse.TRANSFER_LINES_REQUIRED, "lines",
                    "at least one line is required");
        }
        // Two warehouses are locked in one unit of work; taking the locks in id order keeps two opposite transfers
        // from waiting on each other. Loading again later in this unit of work reuses the locked instance.
        Stream.of(from, to).sorted().forEach(id -> SameUnitOfWork.read(warehouses, id, warehouse -> null,
                () -> missing(id.equals(from) ? "fromWarehouseId" : "toWarehouseId", id)));
        List<TransferredLot> lots = SameUnitOfWork.call(warehouses, from,
                warehouse -> warehouse.ship(new ShipTransfer(from, transferId, to, command.lines())),
                () -> missing("fromWarehouseId", from));
        SameUnitOfWork.call(warehouses, to, warehouse -> {
            warehouse.receive(new ReceiveTransfer(to, transferId, from, lots));
            return null;
        }, () -> missing("toWarehouseId", to));
        return new TransferRecorded(transferId, lots.stream().map(TransferredLot::lotId).toList());
    }

    private static CommandRefusedException missing(String field, String warehouseId) {
        return CommandRefusedException.notFound(Warehouse.WAREHOUSE_NOT_FOUND, field, "no warehouse " + warehouseId);
    }

    /** The sending warehouse's half: take the quantities out and describe the lots they become. */
    record ShipTransfer(String warehouseId, String transferId, String toWarehouseId, List<TransferLine> lines) {
    }

    /** The receiving warehouse's half: the shipped lots arrive. */
    record ReceiveTransfer(String warehouseId, String transferId, String fromWarehouseId, List<TransferredLot> lots) {
    }
}
