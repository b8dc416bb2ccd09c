package gr.solidarity.ledger.command.need;

import gr.solidarity.ledger.command.web.CommandSender;
import gr.solidarity.ledger.command.web.CommonRequests.ReasonRequest;
import gr.solidarity.ledger.command.web.CommandSender.Accepted;
import gr.solidarity.ledger.command.web.CommandSender.Created;
import gr.solidarity.ledger.command.web.Ids;
import gr.solidarity.ledger.messages.need.NeedCommands.AmendNeedLine;
import gr.solidarity.ledger.messages.need.NeedCommands.CancelNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.DeclareNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.NeedLineRequest;
import gr.solidarity.ledger.messages.need.NeedPriority;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/needs")
@Tag(name = "Needs", description = "Needs declared by recipient structures (ανάγκες δομών)")
class NeedController {

    private final CommandSender commands;

    NeedController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Declare a need (δήλωση ανάγκης)")
    Mono<ResponseEntity<Created>> declare(@Valid @RequestBody NeedRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        var lines = request.lines().stream()
                .map(line -> new NeedLineRequest(line.itemCode(), line.quantity(), line.priority(), line.neededBy(),
                        line.beneficiaries()))
                .toList();
        var command = new DeclareNeed(Ids.forNewRecord(request.id(), idempotencyKey), request.recipientId(), lines, request.note());
        return commands.create(command, idempotencyKey, request.id() != null, id -> "/api/needs/" + id);
    }

    @PutMapping("/{needId}/lines/{lineNo}")
    @Operation(summary = "Amend a need line while nothing has been allocated to the need")
    Mono<ResponseEntity<Accepted>> amendLine(@PathVariable String needId, @PathVariable int lineNo,
            @Valid @RequestBody NeedLineBody request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new AmendNeedLine(needId, lineNo, request.quantity(), request.priority(),
                request.neededBy(), request.beneficiaries()), idempotencyKey);
    }

    @PostMapping("/{needId}/cancellation")
    @Operation(summary = "Cancel a need (ακύρωση ανάγκης)")
    Mono<ResponseEntity<Accepted>> cancel(@PathVariable String needId, @Valid @RequestBody ReasonRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new CancelNeed(needId, request.reason()), idempotencyKey);
    }

    record NeedRequest(@Pattern(regexp = Ids.UUID_PATTERN, message = "must be a lower-case UUID") String id,
                       @NotBlank String recipientId,
                       @NotEmpty @Size(max = 100) List<@NotNull @Valid NeedLineRequestBody> lines,
                       @Size(max = 1000) String note) {
    }

    record NeedLineRequestBody(@NotBlank String itemCode,
                               @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") BigDecimal quantity,
                               @NotNull NeedPriority priority,
                               @NotNull LocalDate neededBy,
                               @NotNull @Min(0) @Max(100000) Integer beneficiaries) {
    }

    record NeedLineBody(@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") BigDecimal quantity,
                        @NotNull NeedPriority priority,
                        @NotNull LocalDate neededBy,
                        @NotNull @Min(0) @Max(100000) Integer beneficiaries) {
    }
}
