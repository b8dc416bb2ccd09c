package gr.solidarity.ledger.command.stock;

import gr.solidarity.ledger.command.web.CommandSender;
import gr.solidarity.ledger.command.web.Ids;
import gr.solidarity.ledger.messages.stock.StockCommands.TransferLine;
import gr.solidarity.ledger.messages.stock.StockCommands.TransferStock;
import gr.solidarity.ledger.messages.stock.TransferRecorded;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/api/transfers")
@Tag(name = "Transfers", description = "Μεταφορές αποθέματος μεταξύ αποθηκών")
class TransferController {

    private final CommandSender commands;

    TransferController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Move quantities of lots to another warehouse (μεταφορά); answers the new lot ids in line order")
    Mono<ResponseEntity<WarehouseController.RecordedLots>> transfer(@Valid @RequestBody TransferRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        String transferId = Ids.forNewRecord(request.id(), idempotencyKey);
        var command = new TransferStock(transferId, request.fromWarehouseId(), request.toWarehouseId(),
                request.lines().stream().map(line -> new TransferLine(line.lotId(), line.quantity())).toList());
        // A client that chose the transfer id may simply retry; the id is then key enough.
        String key = idempotencyKey != null && !idempotencyKey.isBlank() ? idempotencyKey
                : request.id() != null ? "transfer:" + request.id() : null;
        return commands.<TransferRecorded>execute(command, key).map(outcome -> ResponseEntity
                .created(URI.create("/api/transfers/" + outcome.result().transferId()))
                .body(new WarehouseController.RecordedLots(outcome.result().transferId(), outcome.result().lotIds(),
                        outcome.position())));
    }

    record TransferLineRequest(@NotBlank @Size(max = 100) String lotId,
                               @NotNull @Positive @DecimalMax("1000000") BigDecimal quantity) {
    }

    record TransferRequest(@Pattern(regexp = Ids.UUID_PATTERN, message = "must be a lower-case UUID") String id,
                           @NotBlank @Size(max = 100) String fromWarehouseId,
                           @NotBlank @Size(max = 100) String toWarehouseId,
                           @NotEmpty @Size(max = 200) List<@NotNull @Valid TransferLineRequest> lines) {
    }
}
