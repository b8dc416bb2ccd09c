package gr.solidarity.ledger.command.allocation;

import gr.solidarity.ledger.command.web.CommandSender;
import gr.solidarity.ledger.command.web.CommonRequests.ReasonRequest;
import gr.solidarity.ledger.command.web.CommandSender.Accepted;
import gr.solidarity.ledger.command.web.CommandSender.Created;
import gr.solidarity.ledger.command.web.Ids;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ApproveAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.CancelAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ConfirmAllocationReceipt;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.DispatchAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposeAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposedLine;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ReceivedLine;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.RejectAllocation;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/allocations")
@Tag(name = "Allocations", description = "Allocations of stock to needs (κατανομές), from proposal to receipt")
class AllocationController {

    private final CommandSender commands;
    /** The directorate's clock (Europe/Athens): "today" for dates the client leaves out. */
    private final Clock clock;

    AllocationController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Propose an allocation from one warehouse to a need (πρόταση κατανομής); reserves the stock")
    Mono<ResponseEntity<Created>> propose(@Valid @RequestBody ProposalRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        var lines = request.lines().stream()
                .map(line -> new ProposedLine(line.needLineNo(), line.quantity(), line.lotId()))
                .toList();
        var command = new ProposeAllocation(Ids.forNewRecord(request.id(), idempotencyKey), request.needId(), request.warehouseId(), lines,
                request.note());
        return commands.create(command, idempotencyKey, request.id() != null, id -> "/api/allocations/" + id);
    }

    @PostMapping("/{allocationId}/approval")
    @Operation(summary = "Record the director's approval (έγκριση, αριθμός πρωτοκόλλου, ΑΔΑ)")
    Mono<ResponseEntity<Accepted>> approve(@PathVariable String allocationId, @Valid @RequestBody ApprovalRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new ApproveAllocation(allocationId, request.protocolNumber(), request.decisionDate(),
                request.ada()), idempotencyKey);
    }

    @PostMapping("/{allocationId}/rejection")
    @Operation(summary = "Record the director's rejection (απόρριψη); frees the need and the stock")
    Mono<ResponseEntity<Accepted>> reject(@PathVariable String allocationId, @Valid @RequestBody ReasonRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new RejectAllocation(allocationId, request.reason()), idempotencyKey);
    }

    @PostMapping("/{allocationId}/cancellation")
    @Operation(summary = "Cancel an allocation before dispatch (ακύρωση); frees the need and the stock")
    Mono<ResponseEntity<Accepted>> cancel(@PathVariable String allocationId, @Valid @RequestBody ReasonRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new CancelAllocation(allocationId, request.reason()), idempotencyKey);
    }

    @PostMapping("/{allocationId}/dispatch")
    @Operation(summary = "Dispatch an approved allocation (αποστολή, δελτίο αποστολής)")
    Mono<ResponseEntity<Accepted>> dispatch(@PathVariable String allocationId, @Valid @RequestBody DispatchRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        LocalDate dispatchedOn = request.dispatchedOn() == null ? LocalDate.now(clock) : request.dispatchedOn();
        return commands.accept(new DispatchAllocation(allocationId, request.manifestNumber(), dispatchedOn),
                idempotencyKey);
    }

    @PostMapping("/{allocationId}/receipt-confirmation")
    @Operation(summary = "Confirm what the recipient received (βεβαίωση παραλαβής); unlisted lots arrived in full")
    Mono<ResponseEntity<Accepted>> confirmReceipt(@PathVariable String allocationId,
            @Valid @RequestBody ReceiptConfirmationRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        LocalDate receivedOn = request.receivedOn() == null ? LocalDate.now(clock) : request.receivedOn();
        List<ReceivedLine> lines = request.lines() == null ? List.of() : request.lines().stream()
                .map(line -> new ReceivedLine(line.lotId(), line.receivedQuantity(), line.note()))
                .toList();
        return commands.accept(new ConfirmAllocationReceipt(allocationId, receivedOn, lines), idempotencyKey);
    }

    record ProposalRequest(@Pattern(regexp = Ids.UUID_PATTERN, message = "must be a lower-case UUID") String id,
                           @NotBlank String needId,
                           @NotBlank String warehouseId,
                           @NotEmpty @Size(max = 100) List<@NotNull @Valid ProposedLineBody> lines,
                           @Size(max = 1000) String note) {
    }

    record ProposedLineBody(@NotNull @Min(1) Integer needLineNo,
                            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") BigDecimal quantity,
                            String lotId) {
    }

    record ApprovalRequest(@NotBlank @Size(max = 50) String protocolNumber,
                           @NotNull LocalDate decisionDate,
                           @Pattern(regexp = "^[Α-ΩA-Z0-9]{4}[Α-ΩA-Z0-9]{6}-[Α-ΩA-Z0-9]{3}$",
                                   message = "must be a Diavgeia ΑΔΑ, e.g. ΨΛΣΥ46ΜΤΛΡ-ΑΛΘ") String ada) {
    }

    record DispatchRequest(@NotBlank @Size(max = 50) String manifestNumber, LocalDate dispatchedOn) {
    }

    record ReceiptConfirmationRequest(LocalDate receivedOn,
                                      @Size(max = 100) List<@NotNull @Valid ReceivedLineBody> lines) {
    }

    record ReceivedLineBody(@NotBlank String lotId,
                            @NotNull @DecimalMin("0") @DecimalMax("1000000") BigDecimal receivedQuantity,
                            @Size(max = 1000) String note) {
    }
}
