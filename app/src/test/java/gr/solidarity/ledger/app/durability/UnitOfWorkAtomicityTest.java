package gr.solidarity.ledger.app.durability;

import gr.solidarity.ledger.app.support.EventLog;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.app.support.StockedNetwork;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposeAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposedLine;
import gr.solidarity.ledger.messages.stock.StockCommands.TransferLine;
import gr.solidarity.ledger.messages.stock.StockCommands.TransferStock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** All events of one unit of work are stored in one transaction, or none of them. */
class UnitOfWorkAtomicityTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aUnitOfWorkWhoseLastAppendIsRefusedStoresNothing() {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            CommandGateway commands = ledger.bean(CommandGateway.class);
            StockedNetwork network = StockedNetwork.register(commands);
            String allocation = StockedNetwork.id();
            commands.sendAndWait(new ProposeAllocation(allocation, network.need(10), network.warehouseWith(100),
                    List.of(new ProposedLine(1, BigDecimal.TEN, null)), null));
            String otherNeed = network.need(10);
            String otherWarehouse = network.warehouseWith(100);
            List<String> before = identifiers(EventLog.messages(ledger));

            // The same allocation id for another need from another warehouse: both accept and append their claim and
            // reservation; only the allocation's own first event, the last of the unit of work, meets the stored one.
            assertThatThrownBy(() -> commands.sendAndWait(new ProposeAllocation(allocation, otherNeed, otherWarehouse,
                    List.of(new ProposedLine(1, BigDecimal.TEN, null)), null)))
                    .isInstanceOf(RuntimeException.class);

            List<TrackedEventMessage<?>> after = EventLog.messages(ledger);
            assertThat(identifiers(after)).isEqualTo(before);
            assertThat(after).noneMatch(event -> otherNeed.equals(aggregateOf(event))
                    && event.getPayloadType().getSimpleName().equals("NeedAllocated"));
            assertThat(after).noneMatch(event -> otherWarehouse.equals(aggregateOf(event))
                    && event.getPayloadType().getSimpleName().equals("StockReserved"));

            // and the two aggregates still take the same proposal under a fresh id
            commands.sendAndWait(new ProposeAllocation(StockedNetwork.id(), otherNeed, otherWarehouse,
                    List.of(new ProposedLine(1, BigDecimal.TEN, null)), null));
        }
    }

    @Test
    void aProposalStoresTheNeedsClaimTheWarehousesReservationAndTheAllocationTogether() {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            CommandGateway commands = ledger.bean(CommandGateway.class);
            StockedNetwork network = StockedNetwork.register(commands);
            String need = network.need(10);
            String warehouse = network.warehouseWith(100);
            int before = EventLog.messages(ledger).size();

            String allocation = StockedNetwork.id();
            commands.sendAndWait(new ProposeAllocation(allocation, need, warehouse,
                    List.of(new ProposedLine(1, BigDecimal.TEN, null)), null));

            List<TrackedEventMessage<?>> stored = EventLog.messages(ledger);
            List<TrackedEventMessage<?>> added = stored.subList(before, stored.size());
            assertThat(added).extracting(event -> event.getPayloadType().getSimpleName())
                    .containsExactly("NeedAllocated", "StockReserved", "AllocationProposed");
            assertThat(added).extracting(UnitOfWorkAtomicityTest::aggregateOf)
                    .containsExactly(need, warehouse, allocation);
        }
    }

    @Test
    void aTransferWhoseReceivingHalfIsRefusedStoresNeitherHalf() {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            CommandGateway commands = ledger.bean(CommandGateway.class);
            StockedNetwork network = StockedNetwork.register(commands);
            String first = network.warehouseWith(100);
            String second = network.warehouseWith(100);
            String receiving = network.warehouseWith(100);
            String transfer = StockedNetwork.id();
            commands.sendAndWait(new TransferStock(transfer, first, receiving,
                    List.of(new TransferLine(network.lotIn(first), BigDecimal.TEN))));
            List<String> before = identifiers(EventLog.messages(ledger));

            // The same transfer id from another warehouse: the sending half is accepted and applied, the receiving
            // warehouse, the second half, has recorded that transfer already and refuses.
            assertThatThrownBy(() -> commands.sendAndWait(new TransferStock(transfer, second, receiving,
                    List.of(new TransferLine(network.lotIn(second), BigDecimal.TEN)))))
                    .isInstanceOf(RuntimeException.class)
                    .hasMessageContaining("already recorded");

            List<TrackedEventMessage<?>> after = EventLog.messages(ledger);
            assertThat(identifiers(after)).isEqualTo(before);
            assertThat(after).noneMatch(event -> second.equals(aggregateOf(event))
                    && event.getPayloadType().getSimpleName().equals("StockTransferredOut"));
        }
    }

    private static List<String> identifiers(List<TrackedEventMessage<?>> events) {
        return events.stream().map(TrackedEventMessage::getIdentifier).toList();
    }

    private static String aggregateOf(TrackedEventMessage<?> event) {
        return event instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() : null;
    }
}
