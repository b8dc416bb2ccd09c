package gr.solidarity.ledger.command.catalogue;

import gr.solidarity.ledger.command.web.CommandSender;
import gr.solidarity.ledger.command.web.CommonRequests.ReasonRequest;
import gr.solidarity.ledger.command.web.CommandSender.Accepted;
import gr.solidarity.ledger.command.web.CommandSender.Created;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.AddCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.RetireCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.ReviseCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.SetMinimumStockLevel;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
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

@RestController
@RequestMapping("/api/catalogue/items")
@Tag(name = "Catalogue", description = "Items that can be pledged, stored and asked for (κωδικολόγιο ειδών)")
class CatalogueController {

    private final CommandSender commands;

    CatalogueController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "Add an item to the catalogue (νέο είδος); the item code is its identity")
    Mono<ResponseEntity<Created>> add(@Valid @RequestBody NewItemRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        var command = new AddCatalogueItem(request.itemCode(), request.nameEl(), request.nameEn(), request.category(),
                request.unit(), request.perishable());
        return commands.create(command, idempotencyKey, true, code -> "/api/catalogue/items/" + code);
    }

    @PutMapping("/{itemCode}")
    @Operation(summary = "Revise an item's names, category or perishability (διόρθωση είδους); the unit never changes")
    Mono<ResponseEntity<Accepted>> revise(@PathVariable String itemCode, @Valid @RequestBody RevisionRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        var command = new ReviseCatalogueItem(itemCode, request.nameEl(), request.nameEn(), request.category(),
                request.perishable());
        return commands.accept(command, idempotencyKey);
    }

    @PostMapping("/{itemCode}/retirement")
    @Operation(summary = "Retire an item (απόσυρση είδους): no new pledges, receipts or needs; its history stays")
    Mono<ResponseEntity<Accepted>> retire(@PathVariable String itemCode, @Valid @RequestBody ReasonRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new RetireCatalogueItem(itemCode, request.reason()), idempotencyKey);
    }

    @PutMapping("/{itemCode}/minimum-stock")
    @Operation(summary = "Set an item's minimum stock level (ελάχιστο απόθεμα) across all warehouses; 0 removes it")
    Mono<ResponseEntity<Accepted>> setMinimumStock(@PathVariable String itemCode,
            @Valid @RequestBody MinimumStockRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new SetMinimumStockLevel(itemCode, request.minimum()), idempotencyKey);
    }

    record MinimumStockRequest(@NotNull @PositiveOrZero @DecimalMax("1000000") BigDecimal minimum) {
    }

    /** Perishability decides whether receipts need expiry dates, so it is always stated, never assumed. */
    record NewItemRequest(@NotBlank @Pattern(regexp = "^[A-Z0-9][A-Z0-9-]{1,23}$",
                                  message = "must be 2 to 24 upper-case letters, digits or dashes") String itemCode,
                          @NotBlank @Size(max = 120) String nameEl,
                          @NotBlank @Size(max = 120) String nameEn,
                          @NotNull ItemCategory category,
                          @NotNull UnitOfMeasure unit,
                          @NotNull Boolean perishable) {
    }

    record RevisionRequest(@NotBlank @Size(max = 120) String nameEl,
                           @NotBlank @Size(max = 120) String nameEn,
                           @NotNull ItemCategory category,
                           @NotNull Boolean perishable) {
    }
}
