package gr.solidarity.ledger.command.registry;

import gr.solidarity.ledger.command.web.CommandSender;
import gr.solidarity.ledger.command.web.CommandSender.Accepted;
import gr.solidarity.ledger.command.web.CommandSender.Created;
import gr.solidarity.ledger.command.web.CommonRequests.AddressRequest;
import gr.solidarity.ledger.command.web.Ids;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.registry.LocationVisibility;
import gr.solidarity.ledger.messages.registry.OpeningHours;
import gr.solidarity.ledger.messages.registry.PremisesAccessibility;
import gr.solidarity.ledger.messages.registry.StructureCommands.ChangeStructureServices;
import gr.solidarity.ledger.messages.registry.StructureCommands.CloseStructure;
import gr.solidarity.ledger.messages.registry.StructureCommands.CorrectStructureDetails;
import gr.solidarity.ledger.messages.registry.StructureCommands.RegisterStructure;
import gr.solidarity.ledger.messages.registry.StructureCommands.StructureEntry;
import gr.solidarity.ledger.messages.registry.StructureCommands.VerifyStructure;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;
import gr.solidarity.ledger.messages.registry.TargetGroup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/registry/structures")
@Tag(name = "Registry of social structures", description = "Every social structure of the region (μητρώο κοινωνικών δομών)")
class StructureRegistryController {

    private final CommandSender commands;
    /** The directorate's clock (Europe/Athens): "today" for dates the client leaves out. */
    private final Clock clock;

    StructureRegistryController(CommandSender commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Register a social structure (εγγραφή δομής στο μητρώο)")
    Mono<ResponseEntity<Created>> register(@Valid @RequestBody RegistrationRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        var command = new RegisterStructure(Ids.forNewRecord(request.id(), idempotencyKey), request.toEntry(),
                request.services());
        return commands.create(command, idempotencyKey, request.id() != null, id -> "/api/registry/structures/" + id);
    }

    @PostMapping("/{structureId}/corrections")
    @Operation(summary = "Correct a structure's details, stated in full (διόρθωση στοιχείων)")
    Mono<ResponseEntity<Accepted>> correct(@PathVariable String structureId, @Valid @RequestBody DetailsRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new CorrectStructureDetails(structureId, request.toEntry()), idempotencyKey);
    }

    @PutMapping("/{structureId}/services")
    @Operation(summary = "Set the services a structure offers from now on (παρεχόμενες υπηρεσίες)")
    Mono<ResponseEntity<Accepted>> services(@PathVariable String structureId, @Valid @RequestBody ServicesRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new ChangeStructureServices(structureId, request.services()), idempotencyKey);
    }

    @PostMapping("/{structureId}/verification")
    @Operation(summary = "Record that someone verified the entry on a day (επαλήθευση); today unless given")
    Mono<ResponseEntity<Accepted>> verify(@PathVariable String structureId, @Valid @RequestBody VerificationRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        LocalDate verifiedOn = request.verifiedOn() == null ? LocalDate.now(clock) : request.verifiedOn();
        return commands.accept(new VerifyStructure(structureId, verifiedOn, request.verifiedBy(), request.note()),
                idempotencyKey);
    }

    @PostMapping("/{structureId}/closure")
    @Operation(summary = "Record that a structure closed (παύση λειτουργίας); today unless given")
    Mono<ResponseEntity<Accepted>> close(@PathVariable String structureId, @Valid @RequestBody ClosureRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        LocalDate closedOn = request.closedOn() == null ? LocalDate.now(clock) : request.closedOn();
        return commands.accept(new CloseStructure(structureId, closedOn, request.reason()), idempotencyKey);
    }

    record ContactRequest(@Size(max = 200) String person, @Email @Size(max = 254) String email,
                          @Pattern(regexp = "\\+?[0-9 ()-]{6,40}", message = "must be a phone number") String phone) {
        ContactDetails toValue() {
            return new ContactDetails(person, email, phone);
        }
    }

    /**
     * @param locationVisibility left out: the type's default (municipality only for shelters and homes) on
     *                           registration, the current one on correction
     */
    record RegistrationRequest(@Pattern(regexp = Ids.UUID_PATTERN, message = "must be a lower-case UUID") String id,
                               @NotBlank @Size(max = 200) String nameEl,
                               @Size(max = 200) String nameEn,
                               @NotNull StructureType type,
                               @NotEmpty List<@NotNull StructureService> services,
                               List<@NotNull TargetGroup> targetGroups,
                               @NotNull @Valid AddressRequest address,
                               @NotBlank @Pattern(regexp = "\\d{4}", message = "must be a four-digit ELSTAT municipality code") String municipalityCode,
                               @NotNull @DecimalMin("34.5") @DecimalMax("42.0") Double latitude,
                               @NotNull @DecimalMin("19.0") @DecimalMax("30.0") Double longitude,
                               OpeningHours openingHours,
                               PremisesAccessibility accessibility,
                               @Valid ContactRequest contact,
                               @Min(0) @Max(StructureRules.MAX_BENEFICIARIES) Integer beneficiariesServed,
                               LocationVisibility locationVisibility,
                               Boolean inSolidarityNetwork,
                               @Pattern(regexp = Ids.UUID_PATTERN, message = "must be a lower-case UUID") String organisationId) {
        StructureEntry toEntry() {
            return entry(nameEl, nameEn, type, targetGroups, address, municipalityCode, latitude, longitude,
                    openingHours, accessibility, contact, beneficiariesServed, locationVisibility,
                    inSolidarityNetwork, organisationId);
        }
    }

    record DetailsRequest(@NotBlank @Size(max = 200) String nameEl,
                          @Size(max = 200) String nameEn,
                          @NotNull StructureType type,
                          List<@NotNull TargetGroup> targetGroups,
                          @NotNull @Valid AddressRequest address,
                          @NotBlank @Pattern(regexp = "\\d{4}", message = "must be a four-digit ELSTAT municipality code") String municipalityCode,
                          @NotNull @DecimalMin("34.5") @DecimalMax("42.0") Double latitude,
                          @NotNull @DecimalMin("19.0") @DecimalMax("30.0") Double longitude,
                          OpeningHours openingHours,
                          PremisesAccessibility accessibility,
                          @Valid ContactRequest contact,
                          @Min(0) @Max(StructureRules.MAX_BENEFICIARIES) Integer beneficiariesServed,
                          LocationVisibility locationVisibility,
                          Boolean inSolidarityNetwork,
                          @Pattern(regexp = Ids.UUID_PATTERN, message = "must be a lower-case UUID") String organisationId) {
        StructureEntry toEntry() {
            return entry(nameEl, nameEn, type, targetGroups, address, municipalityCode, latitude, longitude,
                    openingHours, accessibility, contact, beneficiariesServed, locationVisibility,
                    inSolidarityNetwork, organisationId);
        }
    }

    record ServicesRequest(@NotEmpty List<@NotNull StructureService> services) {
    }

    record VerificationRequest(LocalDate verifiedOn, @NotBlank @Size(max = 200) String verifiedBy,
                               @Size(max = 1000) String note) {
    }

    record ClosureRequest(LocalDate closedOn, @NotBlank @Size(max = 1000) String reason) {
    }

    private static StructureEntry entry(String nameEl, String nameEn, StructureType type, List<TargetGroup> targetGroups,
                                        AddressRequest address, String municipalityCode, Double latitude,
                                        Double longitude, OpeningHours openingHours,
                                        PremisesAccessibility accessibility, ContactRequest contact,
                                        Integer beneficiariesServed, LocationVisibility locationVisibility,
                                        Boolean inSolidarityNetwork, String organisationId) {
        return new StructureEntry(nameEl, nameEn, type, targetGroups, address.toValue(),
                new GeoPoint(latitude, longitude), municipalityCode, openingHours, accessibility,
                contact == null ? null : contact.toValue(), beneficiariesServed, locationVisibility,
                Boolean.TRUE.equals(inSolidarityNetwork), organisationId);
    }
}
