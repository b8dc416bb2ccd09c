package gr.solidarity.ledger.app.durability;

import gr.solidarity.ledger.app.support.EventLog;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.app.support.StockedNetwork;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposeAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposedLine;
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

    private static List<String> identifiers(List<TrackedEventMessage<?>> events) {
        return events.stream().map(TrackedEventMessage::getIdentifier).toList();
    }

    private static String aggregateOf(TrackedEventMessage<?> event) {
        return event instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() : null;
    }
}
