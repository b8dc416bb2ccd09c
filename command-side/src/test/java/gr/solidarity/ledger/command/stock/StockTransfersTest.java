package gr.solidarity.ledger.command.stock;

import gr.solidarity.ledger.command.catalogue.CatalogueLookup;
import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.LedgerCommandTargetResolver;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import gr.solidarity.ledger.command.pledge.PledgeDesk;
import gr.solidarity.ledger.command.stock.StockDesk.ReservationRequest;
import gr.solidarity.ledger.command.stock.StockDesk.ReserveStock;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.common.Refusal;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiptLine;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiveGoods;
import gr.solidarity.ledger.messages.stock.StockCommands.TransferLine;
import gr.solidarity.ledger.messages.stock.StockCommands.TransferStock;
import gr.solidarity.ledger.messages.stock.StockEvents.ReservedLot;
import gr.solidarity.ledger.messages.stock.StockEvents.StockTransferredIn;
import gr.solidarity.ledger.messages.stock.StockEvents.StockTransferredOut;
import gr.solidarity.ledger.messages.stock.StockEvents.TransferredLot;
import gr.solidarity.ledger.messages.stock.TransferRecorded;
import gr.solidarity.ledger.messages.warehouse.WarehouseCommands.RegisterWarehouse;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Transfers and the stock desk against real event-sourced warehouses, each command in its own unit of work. */
class StockTransfersTest {

    static final String FROM = "11111111-1111-4111-8111-111111111111";
    static final String TO = "22222222-2222-4222-8222-222222222222";
    static final String DONOR = "d0000000-0000-4000-8000-000000000001";
    static final String RECEIPT = "a1000000-0000-4000-8000-000000000001";
    static final String TRANSFER = "f1000000-0000-4000-8000-000000000001";
    static final String ALLOC = "c1000000-0000-4000-8000-000000000001";
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    Configuration axon;

    @BeforeEach
    void setUp() {
        var catalogue = new StockFakes.Catalogue().with("MILK-1L", UnitOfMeasure.L, true);
        var organisations = new StockFakes.Organisations();
        organisations.verifiedDonors.add(DONOR);
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Warehouse.class)
                        .configureCommandTargetResolver(c -> new LedgerCommandTargetResolver()))
                .registerComponent(CatalogueLookup.class, c -> catalogue)
                .registerComponent(PledgeDesk.class, c -> new StockFakes.Pledges())
                .registerComponent(OrganisationLookup.class, c -> organisations)
                .registerComponent(Clock.class, c -> Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"), ZoneId.of("Europe/Athens")))
                .registerCommandHandler(c -> new StockTransfers(c.repository(Warehouse.class)))
                .buildConfiguration();
        axon.start();
        var address = new PostalAddress("Οδός 1", "45500", "Ιωάννινα");
        send(new RegisterWarehouse(FROM, "Αποθήκη Α", "1801", address));
        send(new RegisterWarehouse(TO, "Αποθήκη Β", "1801", address));
        send(new ReceiveGoods(FROM, RECEIPT, null, DONOR, TODAY,
                List.of(new ReceiptLine("MILK-1L", new BigDecimal("10"), TODAY.plusDays(10), "B7", null))));
    }

    @AfterEach
    void tearDown() {
        axon.shutdown();
    }

    <R> R send(Object command) {
        return axon.commandGateway().sendAndWait(command);
    }

    List<Object> events(String warehouseId) {
        return axon.eventStore().readEvents(warehouseId).asStream().map(message -> (Object) message.getPayload()).toList();
    }

    static Refusal refusalOf(Throwable thrown) {
        assertThat(thrown).isInstanceOf(CommandExecutionException.class);
        return (Refusal) ((CommandExecutionException) thrown).getDetails().orElseThrow();
    }

    @Test
    void movesStockBetweenWarehousesInOneUnitOfWork() {
        TransferRecorded recorded = send(new TransferStock(TRANSFER, FROM, TO,
                List.of(new TransferLine(RECEIPT + "-1", new BigDecimal("4")))));

        assertThat(recorded).isEqualTo(new TransferRecorded(TRANSFER, List.of(TRANSFER + "-1")));
        assertThat(events(FROM)).last().isInstanceOf(StockTransferredOut.class);
        assertThat(events(TO)).last().isEqualTo(new StockTransferredIn(TO, TRANSFER, FROM, List.of(
                new TransferredLot(TRANSFER + "-1", RECEIPT + "-1", "MILK-1L", new BigDecimal("4"), UnitOfMeasure.L,
                        TODAY.plusDays(10), "B7", DONOR))));
        // What moved can be allocated at its new place and no longer at its old one.
        var desk = new RepositoryStockDesk(axon.repository(Warehouse.class));
        var reserved = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> desk.reserve(new ReserveStock(TO, ALLOC,
                List.of(new ReservationRequest(1, "MILK-1L", new BigDecimal("4"), null)), TODAY)));
        assertThat(reserved.getPayload())
                .containsExactly(new ReservedLot(1, TRANSFER + "-1", "MILK-1L", new BigDecimal("4")));
        var tooMuch = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> desk.reserve(new ReserveStock(FROM,
                ALLOC, List.of(new ReservationRequest(1, "MILK-1L", new BigDecimal("7"), null)), TODAY)));
        assertThat(((CommandRefusedException) tooMuch.exceptionResult()).refusal().code())
                .isEqualTo(Warehouse.STOCK_MUST_COVER_ALLOCATION);
    }

    @Test
    void anUnknownReceivingWarehouseUndoesTheShipment() {
        int before = events(FROM).size();
        Throwable thrown = catchThrowable(() -> send(new TransferStock(TRANSFER, FROM,
                "33333333-3333-4333-8333-333333333333", List.of(new TransferLine(RECEIPT + "-1", BigDecimal.ONE)))));

        assertThat(refusalOf(thrown).code()).isEqualTo(Warehouse.WAREHOUSE_NOT_FOUND);
        assertThat(refusalOf(thrown).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(events(FROM)).hasSize(before);
    }

    @Test
    void refusesAnUnknownSendingWarehouse() {
        Throwable thrown = catchThrowable(() -> send(new TransferStock(TRANSFER, "33333333-3333-4333-8333-333333333333",
                TO, List.of(new TransferLine(RECEIPT + "-1", BigDecimal.ONE)))));

        assertThat(refusalOf(thrown).code()).isEqualTo(Warehouse.WAREHOUSE_NOT_FOUND);
        assertThat(refusalOf(thrown).fields()).extracting(Refusal.FieldProblem::field).containsExactly("fromWarehouseId");
    }

    @Test
    void refusesATransferToTheSameWarehouse() {
        Throwable thrown = catchThrowable(() -> send(new TransferStock(TRANSFER, FROM, FROM,
                List.of(new TransferLine(RECEIPT + "-1", BigDecimal.ONE)))));

        assertThat(refusalOf(thrown).code()).isEqualTo(StockTransfers.TRANSFER_TO_SAME_WAREHOUSE);
    }

    @Test
    void refusesATransferWithoutLines() {
        Throwable thrown = catchThrowable(() -> send(new TransferStock(TRANSFER, FROM, TO, List.of())));

        assertThat(refusalOf(thrown).code()).isEqualTo(Warehouse.TRANSFER_LINES_REQUIRED);
    }

    @Test
    void refusesToMoveMoreThanIsAvailable() {
        Throwable thrown = catchThrowable(() -> send(new TransferStock(TRANSFER, FROM, TO,
                List.of(new TransferLine(RECEIPT + "-1", new BigDecimal("11"))))));

        assertThat(refusalOf(thrown).code()).isEqualTo(Warehouse.STOCK_MUST_COVER_TRANSFER);
        assertThat(events(TO)).hasSize(1);
    }

    @Test
    void theStockDeskReservesInTheCallersUnitOfWork() {
        var desk = new RepositoryStockDesk(axon.repository(Warehouse.class));
        List<ReservedLot> reserved = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> desk.reserve(
                new ReserveStock(FROM, ALLOC, List.of(new ReservationRequest(1, "MILK-1L", new BigDecimal("3"), null)),
                        TODAY))).getPayload();

        assertThat(reserved).containsExactly(new ReservedLot(1, RECEIPT + "-1", "MILK-1L", new BigDecimal("3")));
    }

    @Test
    void theStockDeskRefusesAnUnknownWarehouse() {
        var desk = new RepositoryStockDesk(axon.repository(Warehouse.class));
        var result = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> desk.reserve(
                new ReserveStock("33333333-3333-4333-8333-333333333333", ALLOC,
                        List.of(new ReservationRequest(1, "MILK-1L", BigDecimal.ONE, null)), TODAY)));

        assertThat(result.isExceptional()).isTrue();
        assertThat(((CommandRefusedException) result.exceptionResult()).refusal().code())
                .isEqualTo(StockDesk.WAREHOUSE_NOT_FOUND);
    }
}
