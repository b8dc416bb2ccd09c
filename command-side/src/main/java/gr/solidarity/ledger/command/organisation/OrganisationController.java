package gr.solidarity.ledger.command.organisation;

import gr.solidarity.ledger.command.web.CommandSender;
import gr.solidarity.ledger.command.web.CommonRequests.ReasonRequest;
import gr.solidarity.ledger.command.web.CommonRequests.NoteRequest;
import gr.solidarity.ledger.command.web.CommonRequests.AddressRequest;
import gr.solidarity.ledger.command.web.CommandSender.Accepted;
import gr.solidarity.ledger.command.web.CommandSender.Created;
import gr.solidarity.ledger.command.web.Ids;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterDonorCompany;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterRecipientStructure;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.ReinstateOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.SuspendOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.VerifyOrganisation;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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

@RestController
@RequestMapping("/api/organisations")
@Tag(name = "Organisations", description = "Donor companies and recipient structures (φορείς)")
class OrganisationController {

    private final CommandSender commands;

    OrganisationController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping("/donor-companies")
    @Operation(summary = "Register a donor company (εγγραφή δωρήτριας εταιρείας)")
    Mono<ResponseEntity<Created>> registerDonorCompany(@Valid @RequestBody DonorCompanyRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        var command = new RegisterDonorCompany(Ids.forNewRecord(request.id(), idempotencyKey), request.legalName(), request.taxNumber(),
                request.contact().toValue(), request.address().toValue(), request.municipalityCode());
        return commands.create(command, idempotencyKey, request.id() != null, id -> "/api/organisations/" + id);
    }

    @PostMapping("/recipient-structures")
    @Operation(summary = "Register a recipient structure (εγγραφή δομής)")
    Mono<ResponseEntity<Created>> registerRecipientStructure(@Valid @RequestBody RecipientStructureRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        var command = new RegisterRecipientStructure(Ids.forNewRecord(request.id(), idempotencyKey), request.name(), request.structureType(),
                request.contact().toValue(), request.address().toValue(), request.municipalityCode(),
                new GeoPoint(request.latitude(), request.longitude()), request.beneficiariesServed());
        return commands.create(command, idempotencyKey, request.id() != null, id -> "/api/organisations/" + id);
    }

    @PostMapping("/{organisationId}/verification")
    @Operation(summary = "Verify an organisation (πιστοποίηση)")
    Mono<ResponseEntity<Accepted>> verify(@PathVariable String organisationId, @Valid @RequestBody(required = false) NoteRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new VerifyOrganisation(organisationId, request == null ? null : request.note()), idempotencyKey);
    }

    @PostMapping("/{organisationId}/suspension")
    @Operation(summary = "Suspend an organisation (αναστολή)")
    Mono<ResponseEntity<Accepted>> suspend(@PathVariable String organisationId, @Valid @RequestBody ReasonRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new SuspendOrganisation(organisationId, request.reason()), idempotencyKey);
    }

    @PostMapping("/{organisationId}/reinstatement")
    @Operation(summary = "Reinstate a suspended organisation (άρση αναστολής)")
    Mono<ResponseEntity<Accepted>> reinstate(@PathVariable String organisationId, @Valid @RequestBody(required = false) NoteRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new ReinstateOrganisation(organisationId, request == null ? null : request.note()), idempotencyKey);
    }

    record ContactRequest(@NotBlank @Size(max = 200) String person, @Email @Size(max = 254) String email,
                          @Pattern(regexp = "\\+?[0-9 ()-]{6,40}", message = "must be a phone number") String phone) {
        ContactDetails toValue() {
            return new ContactDetails(person, email, phone);
        }
    }

    record DonorCompanyRequest(@Pattern(regexp = Ids.UUID_PATTERN, message = "must be a lower-case UUID") String id,
                               @NotBlank @Size(max = 200) String legalName,
                               @NotBlank @Pattern(regexp = "\\d{9}", message = "must be nine digits") String taxNumber,
                               @NotNull @Valid ContactRequest contact,
                               @NotNull @Valid AddressRequest address,
                               @NotBlank @Pattern(regexp = "\\d{4}", message = "must be a four-digit ELSTAT municipality code") String municipalityCode) {
    }

    record RecipientStructureRequest(@Pattern(regexp = Ids.UUID_PATTERN, message = "must be a lower-case UUID") String id,
                                     @NotBlank @Size(max = 200) String name,
                                     @NotNull RecipientStructureType structureType,
                                     @NotNull @Valid ContactRequest contact,
                                     @NotNull @Valid AddressRequest address,
                                     @NotBlank @Pattern(regexp = "\\d{4}", message = "must be a four-digit ELSTAT municipality code") String municipalityCode,
                                     @NotNull @DecimalMin("34.5") @DecimalMax("42.0") Double latitude,
                                     @NotNull @DecimalMin("19.0") @DecimalMax("30.0") Double longitude,
                                     @NotNull @Min(0) @Max(100000) Integer beneficiariesServed) {
    }
}
