package gr.solidarity.ledger.command.stock;

import gr.solidarity.ledger.command.web.CommandSender;
import gr.solidarity.ledger.command.web.CommonRequests.AddressRequest;
import gr.solidarity.ledger.command.web.CommandSender.Accepted;
import gr.solidarity.ledger.command.web.CommandSender.Created;
import gr.solidarity.ledger.command.web.Ids;
import gr.solidarity.ledger.messages.stock.AdjustmentReason;
import gr.solidarity.ledger.messages.stock.ReceiptRecorded;
import gr.solidarity.ledger.messages.stock.StockCommands.AdjustStock;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiptLine;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiveGoods;
import gr.solidarity.ledger.messages.stock.StockCommands.RecordPhysicalCount;
import gr.solidarity.ledger.messages.warehouse.WarehouseCommands.RegisterWarehouse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/warehouses")
@Tag(name = "Warehouses and stock", description = "Αποθήκες, παραλαβές, διορθώσεις και καταμετρήσεις αποθέματος")
class WarehouseController {

    private final CommandSender commands;
    private final Clock clock;

    WarehouseController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Register a warehouse (εγγραφή αποθήκης)")
    Mono<ResponseEntity<Created>> register(@Valid @RequestBody WarehouseRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        var command = new RegisterWarehouse(Ids.forNewRecord(request.id(), idempotencyKey), request.name(), request.municipalityCode(),
                request.address().toValue());
        return commands.create(command, idempotencyKey, request.id() != null, id -> "/api/warehouses/" + id);
    }

    @PostMapping("/{warehouseId}/receipts")
    @Operation(summary = "Receive goods (παραλαβή), against a pledge or as an unsolicited donation; "
            + "answers the receipt id and the new lot ids in line order")
    Mono<ResponseEntity<RecordedLots>> receive(@PathVariable String warehouseId, @Valid @RequestBody ReceiptRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        String receiptId = Ids.forNewRecord(request.id(), idempotencyKey);
        var command = new ReceiveGoods(warehouseId, receiptId, request.pledgeId(), request.donorId(),
                request.receivedOn() == null ? LocalDate.now(clock) : request.receivedOn(),
                request.lines().stream().map(ReceiptLineRequest::toValue).toList());
        // A client that chose the receipt id may simply retry; the id is then key enough.
        String key = idempotencyKey != null && !idempotencyKey.isBlank() ? idempotencyKey
                : request.id() != null ? "receipt:" + request.id() : null;
        return commands.<ReceiptRecorded>execute(command, key).map(outcome -> ResponseEntity
                .created(URI.create("/api/warehouses/" + warehouseId + "/receipts/" + outcome.result().receiptId()))
                .body(new RecordedLots(outcome.result().receiptId(), outcome.result().lotIds(), outcome.position())));
    }

    @PostMapping("/{warehouseId}/lots/{lotId}/adjustments")
    @Operation(summary = "Adjust a lot's quantity for a reason (διόρθωση αποθέματος: αλλοίωση, λήξη, φθορά...)")
    Mono<ResponseEntity<Accepted>> adjust(@PathVariable String warehouseId, @PathVariable String lotId,
            @Valid @RequestBody AdjustmentRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new AdjustStock(warehouseId, lotId, request.quantityDelta(), request.reason(),
                request.comment()), idempotencyKey);
    }

    @PostMapping("/{warehouseId}/lots/{lotId}/counts")
    @Operation(summary = "Record a physical count of a lot (καταμέτρηση); the books follow the count")
    Mono<ResponseEntity<Accepted>> count(@PathVariable String warehouseId, @PathVariable String lotId,
            @Valid @RequestBody CountRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new RecordPhysicalCount(warehouseId, lotId, request.countedQuantity(), request.comment(),
                request.countedOn()), idempotencyKey);
    }

    record WarehouseRequest(@Pattern(regexp = Ids.UUID_PATTERN, message = "must be a lower-case UUID") String id,
                            @NotBlank @Size(max = 200) String name,
                            @NotBlank @Pattern(regexp = "\\d{4}", message = "must be a four-digit ELSTAT municipality code") String municipalityCode,
                            @NotNull @Valid AddressRequest address) {
    }

    record ReceiptLineRequest(@NotBlank @Size(max = 24) String itemCode,
                              @NotNull @Positive @DecimalMax("1000000") BigDecimal quantity,
                              LocalDate expiryDate,
                              @Size(max = 60) String lotCode,
                              @Min(1) Integer pledgeLineNo) {
        ReceiptLine toValue() {
            return new ReceiptLine(itemCode, quantity, expiryDate, lotCode, pledgeLineNo);
        }
    }

    record ReceiptRequest(@Pattern(regexp = Ids.UUID_PATTERN, message = "must be a lower-case UUID") String id,
                          @Size(max = 100) String pledgeId,
                          @Size(max = 100) String donorId,
                          LocalDate receivedOn,
                          @NotEmpty @Size(max = 200) List<@NotNull @Valid ReceiptLineRequest> lines) {
    }

    record AdjustmentRequest(@NotNull @DecimalMin("-1000000") @DecimalMax("1000000") BigDecimal quantityDelta,
                             @NotNull AdjustmentReason reason,
                             @Size(max = 1000) String comment) {
    }

    /** {@code countedOn}: the day of the count, today in Athens when left out; never in the future or before receipt. */
    record CountRequest(@NotNull @PositiveOrZero @DecimalMax("1000000") BigDecimal countedQuantity,
                        @Size(max = 1000) String comment,
                        LocalDate countedOn) {
    }

    /** The answer to a receipt or transfer: its id and the lots it created, in line order. */
    /** @param position pass as {@code minPosition} to a query to see the new lots */
    record RecordedLots(String id, List<String> lotIds, long position) {
    }
}
