package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.common.LedgerCommand;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On a shared command bus (Axon Server) any connected client can send any command that has a handler. So the running
 * application subscribes handlers for the commands of its API and for nothing else: what an aggregate asks of another
 * within one decision (reserve stock for an allocation, claim a need, record a pledge's delivery, ship or receive half
 * a transfer) is a method call in the same unit of work, which no client can make alone.
 */
class OnlyApiCommandsAreRoutableTest {

    /** What the HTTP API, the web interface and the system's own start-up send, by the command's name. */
    static final Set<String> API_COMMANDS = Set.of(
            // accounts
            "CreateUserAccount", "AssignUserRole", "ChangeUserPassword", "DisableUserAccount", "EnableUserAccount",
            // organisations
            "RegisterDonorCompany", "RegisterRecipientStructure", "VerifyOrganisation", "SuspendOrganisation",
            "ReinstateOrganisation",
            // catalogue
            "AddCatalogueItem", "ReviseCatalogueItem", "RetireCatalogueItem", "SetMinimumStockLevel",
            // warehouses and stock
            "RegisterWarehouse", "ReceiveGoods", "AdjustStock", "RecordPhysicalCount", "TransferStock",
            // pledges
            "MakePledge", "AmendPledgeLine", "WithdrawPledgeLine", "WithdrawPledge",
            // needs
            "DeclareNeed", "AmendNeedLine", "CancelNeed",
            // allocations
            "ProposeAllocation", "ApproveAllocation", "RejectAllocation", "CancelAllocation", "DispatchAllocation",
            "ConfirmAllocationReceipt",
            // the registry of social structures
            "RegisterStructure", "CorrectStructureDetails", "ChangeStructureServices", "VerifyStructure",
            "CloseStructure");

    /** Commands that once had handlers, by the names a client would have sent them under, and their successors. */
    static final Set<String> INTERNAL_NAMES = Set.of(
            "gr.solidarity.ledger.messages.stock.StockCommands$ReserveStock",
            "gr.solidarity.ledger.messages.stock.StockCommands$ReleaseReservation",
            "gr.solidarity.ledger.messages.stock.StockCommands$DispatchReservation",
            "gr.solidarity.ledger.messages.stock.StockCommands$ShipTransfer",
            "gr.solidarity.ledger.messages.stock.StockCommands$ReceiveTransfer",
            "gr.solidarity.ledger.messages.need.NeedCommands$AllocateToNeed",
            "gr.solidarity.ledger.messages.need.NeedCommands$ReleaseNeedAllocation",
            "gr.solidarity.ledger.messages.need.NeedCommands$RecordNeedDelivery",
            "gr.solidarity.ledger.messages.pledge.PledgeCommands$RecordPledgeDelivery",
            "gr.solidarity.ledger.command.stock.StockDesk$ReserveStock",
            "gr.solidarity.ledger.command.stock.StockDesk$ReleaseReservation",
            "gr.solidarity.ledger.command.stock.StockDesk$DispatchReservation",
            "gr.solidarity.ledger.command.stock.StockTransfers$ShipTransfer",
            "gr.solidarity.ledger.command.stock.StockTransfers$ReceiveTransfer",
            "gr.solidarity.ledger.command.need.NeedDesk$AllocateToNeed",
            "gr.solidarity.ledger.command.need.NeedDesk$ReleaseNeedAllocation",
            "gr.solidarity.ledger.command.need.NeedDesk$RecordNeedDelivery",
            "gr.solidarity.ledger.command.pledge.PledgeDesk$RecordPledgeDelivery");

    @TempDir
    Path dataDirectory;

    @Test
    void theBusRoutesExactlyTheCommandsOfTheApiAndNothingElse() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            Set<String> routable = subscribedCommandNames(ledger.bean(CommandBus.class));

            assertThat(routable).isEqualTo(sharedCommandNames());
            Set<String> routableNames = routable.stream().map(OnlyApiCommandsAreRoutableTest::simpleName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(routableNames).isEqualTo(new TreeSet<>(API_COMMANDS));
            assertThat(routable).doesNotContainAnyElementsOf(INTERNAL_NAMES);
        }
    }

    @Test
    void aClientSendingWhatAnAggregateAsksOfAnotherFindsNoHandler() {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            CommandGateway commands = ledger.bean(CommandGateway.class);
            for (String name : INTERNAL_NAMES) {
                var command = new GenericCommandMessage<>(new GenericMessage<>(Map.of(
                        "warehouseId", "11111111-1111-4111-8111-111111111111",
                        "allocationId", "c1000000-0000-4000-8000-000000000001")), name);
                assertThatThrownBy(() -> commands.sendAndWait(command)).as(name)
                        .isInstanceOf(NoHandlerForCommandException.class);
            }
        }
    }

    /** Every command record of the module that clients share. */
    static Set<String> sharedCommandNames() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(LedgerCommand.class));
        return scanner.findCandidateComponents("gr.solidarity.ledger.messages").stream()
                .map(definition -> definition.getBeanClassName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The names the bus has handlers for; Axon keeps them to itself, so they are read from its field. */
    @SuppressWarnings("unchecked")
    static Set<String> subscribedCommandNames(CommandBus bus) throws ReflectiveOperationException {
        assertThat(bus).as("the embedded default routes commands in the process").isInstanceOf(SimpleCommandBus.class);
        Field subscriptions = SimpleCommandBus.class.getDeclaredField("subscriptions");
        subscriptions.setAccessible(true);
        return new TreeSet<>(((Map<String, ?>) subscriptions.get(bus)).keySet());
    }

    private static String simpleName(String commandName) {
        return commandName.substring(Math.max(commandName.lastIndexOf('.'), commandName.lastIndexOf('$')) + 1);
    }
}
