package gr.solidarity.ledger.command.stock;

import gr.solidarity.ledger.command.web.CommandProblemHandler;
import gr.solidarity.ledger.command.web.CommandSender;
import gr.solidarity.ledger.messages.common.LedgerCommand;
import gr.solidarity.ledger.messages.stock.ReceiptRecorded;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiptLine;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiveGoods;
import gr.solidarity.ledger.messages.stock.StockCommands.TransferLine;
import gr.solidarity.ledger.messages.stock.StockCommands.TransferStock;
import gr.solidarity.ledger.messages.stock.TransferRecorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The HTTP mapping of receipts and transfers: ids, idempotency keys, default dates, answers. */
class StockControllersTest {

    static final String WH = "11111111-1111-4111-8111-111111111111";
    static final String TO = "22222222-2222-4222-8222-222222222222";
    static final String RECEIPT = "a1000000-0000-4000-8000-000000000001";
    static final String DONOR = "d0000000-0000-4000-8000-000000000001";

    CommandSender sender;
    WebTestClient client;

    @BeforeEach
    void setUp() {
        sender = mock(CommandSender.class);
        // Just after midnight in Athens, still the previous day in UTC: the default date is Athens' date.
        Clock clock = Clock.fixed(Instant.parse("2026-03-09T22:30:00Z"), ZoneId.of("Europe/Athens"));
        var validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        client = WebTestClient.bindToController(new WarehouseController(sender, clock), new TransferController(sender))
                .controllerAdvice(new CommandProblemHandler())
                .validator(validator)
                .build();
    }

    @Test
    void aReceiptWithAClientIdUsesItAsTheIdempotencyKeyAndAnswersTheLots() {
        when(sender.execute(any(LedgerCommand.class), any()))
                .thenReturn(Mono.just(new CommandSender.Outcome<Object>(new ReceiptRecorded(RECEIPT, List.of(RECEIPT + "-1")), 12L)));

        client.post().uri("/api/warehouses/{id}/receipts", WH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"id": "%s", "donorId": "%s", "lines": [{"itemCode": "PASTA-500G", "quantity": 40}]}
                        """.formatted(RECEIPT, DONOR))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/warehouses/" + WH + "/receipts/" + RECEIPT)
                .expectBody()
                .jsonPath("$.id").isEqualTo(RECEIPT)
                .jsonPath("$.lotIds[0]").isEqualTo(RECEIPT + "-1")
                .jsonPath("$.position").isEqualTo(12);

        var command = ArgumentCaptor.forClass(LedgerCommand.class);
        verify(sender).execute(command.capture(), eq("receipt:" + RECEIPT));
        assertThat(command.getValue()).isEqualTo(new ReceiveGoods(WH, RECEIPT, null, DONOR, LocalDate.of(2026, 3, 10),
                List.of(new ReceiptLine("PASTA-500G", new BigDecimal("40"), null, null, null))));
    }

    @Test
    void aReceiptWithoutIdOrKeyIsSentWithoutKey() {
        when(sender.execute(any(LedgerCommand.class), any()))
                .thenReturn(Mono.just(new CommandSender.Outcome<Object>(new ReceiptRecorded("generated", List.of("generated-1")), 12L)));

        client.post().uri("/api/warehouses/{id}/receipts", WH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"donorId": "%s", "receivedOn": "2026-03-01",
                         "lines": [{"itemCode": "PASTA-500G", "quantity": 40}]}
                        """.formatted(DONOR))
                .exchange()
                .expectStatus().isCreated();

        verify(sender).execute(any(ReceiveGoods.class), isNull());
    }

    @Test
    void anIdempotencyKeyHeaderWins() {
        when(sender.execute(any(LedgerCommand.class), any()))
                .thenReturn(Mono.just(new CommandSender.Outcome<Object>(new ReceiptRecorded(RECEIPT, List.of(RECEIPT + "-1")), 12L)));

        client.post().uri("/api/warehouses/{id}/receipts", WH).contentType(MediaType.APPLICATION_JSON)
                .header(CommandSender.IDEMPOTENCY_KEY_HEADER, "k-1")
                .bodyValue("""
                        {"id": "%s", "donorId": "%s", "lines": [{"itemCode": "PASTA-500G", "quantity": 40}]}
                        """.formatted(RECEIPT, DONOR))
                .exchange()
                .expectStatus().isCreated();

        verify(sender).execute(any(ReceiveGoods.class), eq("k-1"));
    }

    @Test
    void refusesAReceiptWithoutLinesOrWithANegativeQuantity() {
        client.post().uri("/api/warehouses/{id}/receipts", WH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"donorId": "%s", "lines": []}
                        """.formatted(DONOR))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_INPUT");
        client.post().uri("/api/warehouses/{id}/receipts", WH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"donorId": "%s", "lines": [{"itemCode": "PASTA-500G", "quantity": -4}]}
                        """.formatted(DONOR))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lines[0].quantity");
        verify(sender, never()).execute(any(), any());
    }

    @Test
    void aTransferAnswersTheNewLots() {
        String transferId = "f1000000-0000-4000-8000-000000000001";
        when(sender.execute(any(LedgerCommand.class), any()))
                .thenReturn(Mono.just(new CommandSender.Outcome<Object>(new TransferRecorded(transferId, List.of(transferId + "-1")), 12L)));

        client.post().uri("/api/transfers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"id": "%s", "fromWarehouseId": "%s", "toWarehouseId": "%s",
                         "lines": [{"lotId": "%s-1", "quantity": 3}]}
                        """.formatted(transferId, WH, TO, RECEIPT))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/transfers/" + transferId)
                .expectBody()
                .jsonPath("$.id").isEqualTo(transferId)
                .jsonPath("$.lotIds[0]").isEqualTo(transferId + "-1");

        verify(sender).execute(eq(new TransferStock(transferId, WH, TO,
                List.of(new TransferLine(RECEIPT + "-1", new BigDecimal("3"))))), eq("transfer:" + transferId));
    }
}
