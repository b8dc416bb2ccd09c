package gr.solidarity.ledger.command.pledge;

import gr.solidarity.ledger.command.web.CommandSender;
import gr.solidarity.ledger.command.web.CommonRequests.ReasonRequest;
import gr.solidarity.ledger.command.web.CommandSender.Accepted;
import gr.solidarity.ledger.command.web.CommandSender.Created;
import gr.solidarity.ledger.command.web.Ids;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.AmendPledgeLine;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.MakePledge;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.PledgeLineRequest;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.WithdrawPledge;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.WithdrawPledgeLine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
@RequestMapping("/api/pledges")
@Tag(name = "Pledges", description = "Donor companies' pledges (δεσμεύσεις δωρεάς)")
class PledgeController {

    private final CommandSender commands;

    PledgeController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Make a pledge (δέσμευση δωρεάς)")
    Mono<ResponseEntity<Created>> make(@Valid @RequestBody PledgeRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        var lines = request.lines().stream()
                .map(line -> new PledgeLineRequest(line.itemCode(), line.quantity(), line.expectedDeliveryDate(),
                        line.bestBefore()))
                .toList();
        var command = new MakePledge(Ids.forNewRecord(request.id(), idempotencyKey), request.donorId(), lines, request.note());
        return commands.create(command, idempotencyKey, request.id() != null, id -> "/api/pledges/" + id);
    }

    @PutMapping("/{pledgeId}/lines/{lineNo}")
    @Operation(summary = "Amend an undelivered pledge line")
    Mono<ResponseEntity<Accepted>> amendLine(@PathVariable String pledgeId, @PathVariable int lineNo,
            @Valid @RequestBody LineAmendmentRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new AmendPledgeLine(pledgeId, lineNo, request.quantity(),
                request.expectedDeliveryDate(), request.bestBefore()), idempotencyKey);
    }

    @PostMapping("/{pledgeId}/lines/{lineNo}/withdrawal")
    @Operation(summary = "Withdraw an undelivered pledge line")
    Mono<ResponseEntity<Accepted>> withdrawLine(@PathVariable String pledgeId, @PathVariable int lineNo,
            @Valid @RequestBody ReasonRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new WithdrawPledgeLine(pledgeId, lineNo, request.reason()), idempotencyKey);
    }

    @PostMapping("/{pledgeId}/withdrawal")
    @Operation(summary = "Withdraw a pledge of which nothing has been delivered (ανάκληση)")
    Mono<ResponseEntity<Accepted>> withdraw(@PathVariable String pledgeId, @Valid @RequestBody ReasonRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new WithdrawPledge(pledgeId, request.reason()), idempotencyKey);
    }

    record PledgeRequest(@Pattern(regexp = Ids.UUID_PATTERN, message = "must be a lower-case UUID") String id,
                         @NotBlank String donorId,
                         @NotEmpty @Size(max = 100) List<@NotNull @Valid PledgeLineBody> lines,
                         @Size(max = 1000) String note) {
    }

    record PledgeLineBody(@NotBlank String itemCode,
                          @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") BigDecimal quantity,
                          @NotNull LocalDate expectedDeliveryDate,
                          LocalDate bestBefore) {
    }

    record LineAmendmentRequest(@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") BigDecimal quantity,
                                @NotNull LocalDate expectedDeliveryDate,
                                LocalDate bestBefore) {
    }
}
