package gr.solidarity.ledger.ui.organisation;

import gr.solidarity.ledger.gateway.SignedInCommands;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.LedgerCommand;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterDonorCompany;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterRecipientStructure;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.FindOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationKind;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationView;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import gr.solidarity.ledger.messages.organisation.TaxNumberCheck;
import gr.solidarity.ledger.ui.geography.MunicipalityPicker;
import gr.solidarity.ledger.ui.shell.FormErrors;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static gr.solidarity.ledger.ui.shell.Forms.blankToNull;
import static gr.solidarity.ledger.ui.shell.Forms.quantity;

/**
 * Registering a donor company or a recipient structure: the municipality from the {@link MunicipalityPicker}, the
 * ΑΦΜ of a company checked as it is typed with the same check the command side applies ({@link TaxNumberCheck}); what
 * only the registry knows (a number already taken) is the aggregate's refusal, shown at the field after sending.
 */
@Controller
public class OrganisationRegistrationController {

    /** The form's fields, in the order they are shown. */
    static final List<String> FIELDS = List.of("name", "taxNumber", "structureType", "beneficiariesServed",
            "contactPerson", "email", "phone", "street", "postalCode", "town", "regionalUnit", "municipalityCode",
            "latitude", "longitude");

    /** The command's name of a field → the form's. */
    private static final Map<String, String> ON_PAGE = Map.ofEntries(
            Map.entry("legalName", "name"),
            Map.entry("contact", "contactPerson"),
            Map.entry("contact.person", "contactPerson"),
            Map.entry("contact.email", "email"),
            Map.entry("contact.phone", "phone"),
            Map.entry("address", "street"),
            Map.entry("address.street", "street"),
            Map.entry("address.postalCode", "postalCode"),
            Map.entry("address.town", "town"),
            Map.entry("location", "latitude"),
            Map.entry("location.latitude", "latitude"),
            Map.entry("location.longitude", "longitude"));

    private final Views views;
    private final SignedInCommands commands;
    private final MessageSource messages;
    private final MunicipalityPicker picker;

    public OrganisationRegistrationController(Views views, SignedInCommands commands, MessageSource messages,
                                              MunicipalityPicker picker) {
        this.views = views;
        this.commands = commands;
        this.messages = messages;
        this.picker = picker;
    }

    @GetMapping("/organisations/new")
    Mono<Rendering> form(@RequestParam(required = false) String kind) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("kind", kindOf(kind).name());
        return page(typed, FormErrors.none());
    }

    /**
     * What the ΑΦΜ typed so far is: nothing yet, too short, not a valid number, or valid (asked by htmx as it is typed).
     */
    @GetMapping("/organisations/tax-number")
    Mono<Rendering> taxNumber(@RequestParam(required = false) String taxNumber, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        String typed = taxNumber == null ? "" : taxNumber.strip();
        String state;
        String text;
        if (typed.isEmpty()) {
            state = "empty";
            text = "";
        } else if (TaxNumberCheck.isValid(typed)) {
            state = "valid";
            text = messages.getMessage("organisations.new.taxNumberValid", null, locale);
        } else if (typed.matches("\\d{1,8}")) {
            state = "incomplete";
            text = messages.getMessage("organisations.new.taxNumberDigits", new Object[] {typed.length()}, locale);
        } else {
            state = "invalid";
            text = messages.getMessage("refusal.INVALID_TAX_NUMBER", null, locale);
        }
        return Mono.just(Rendering.view("organisations/tax-number")
                .modelAttribute("state", state)
                .modelAttribute("text", text)
                .build());
    }

    @PostMapping("/organisations")
    Mono<Rendering> register(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return exchange.getFormData().flatMap(form -> {
            Map<String, String> typed = form.toSingleValueMap();
            FormErrors errors = FormErrors.none();
            LedgerCommand command = command(form, errors, locale);
            if (command == null) {
                return page(typed, errors);
            }
            String organisationId = command.targetId();
            return commands.send(command)
                    .then(views.once(new FindOrganisation(organisationId), OrganisationView.class, found -> true))
                    .thenReturn(Rendering.redirectTo("/organisations?registered=" + organisationId).build())
                    .onErrorResume(error -> !(error instanceof ResponseStatusException),
                            error -> page(typed, FormErrors.of(error, messages, locale,
                                    field -> ON_PAGE.getOrDefault(field, field))));
        });
    }

    /** The command the form asks for, or null when something typed cannot be read (then a field error says what). */
    private LedgerCommand command(MultiValueMap<String, String> form, FormErrors errors, Locale locale) {
        String organisationId = UUID.randomUUID().toString();
        String name = blankToNull(form.getFirst("name"));
        String street = blankToNull(form.getFirst("street"));
        String postalCode = blankToNull(form.getFirst("postalCode"));
        String town = blankToNull(form.getFirst("town"));
        PostalAddress address = street == null && postalCode == null && town == null ? null
                : new PostalAddress(street, postalCode, town);
        String person = blankToNull(form.getFirst("contactPerson"));
        String email = blankToNull(form.getFirst("email"));
        String phone = blankToNull(form.getFirst("phone"));
        ContactDetails contact = person == null && email == null && phone == null ? null
                : new ContactDetails(person, email, phone);
        String municipalityCode = blankToNull(form.getFirst("municipalityCode"));
        if (kindOf(form.getFirst("kind")) == OrganisationKind.DONOR_COMPANY) {
            return new RegisterDonorCompany(organisationId, name, blankToNull(form.getFirst("taxNumber")), contact,
                    address, municipalityCode);
        }
        RecipientStructureType type = null;
        String typeText = blankToNull(form.getFirst("structureType"));
        for (RecipientStructureType candidate : RecipientStructureType.values()) {
            if (candidate.name().equals(typeText)) {
                type = candidate;
            }
        }
        Integer beneficiaries = wholeNumber(form.getFirst("beneficiariesServed"), "beneficiariesServed", errors, locale);
        BigDecimal latitude = coordinate(form.getFirst("latitude"), "latitude", errors, locale);
        BigDecimal longitude = coordinate(form.getFirst("longitude"), "longitude", errors, locale);
        if (errors.any()) {
            return null;
        }
        GeoPoint location = latitude == null && longitude == null ? null
                : new GeoPoint(latitude == null ? 0 : latitude.doubleValue(), longitude == null ? 0 : longitude.doubleValue());
        return new RegisterRecipientStructure(organisationId, name, type, contact, address, municipalityCode, location,
                beneficiaries);
    }

    private Integer wholeNumber(String text, String field, FormErrors errors, Locale locale) {
        String typed = blankToNull(text);
        if (typed == null) {
            errors.field(field, messages.getMessage("refusal.NOT_A_WHOLE_NUMBER", null, locale));
            return null;
        }
        try {
            return Integer.parseInt(typed.replace(".", "").replace(" ", ""));
        } catch (NumberFormatException e) {
            errors.field(field, messages.getMessage("refusal.NOT_A_WHOLE_NUMBER", null, locale));
            return null;
        }
    }

    private BigDecimal coordinate(String text, String field, FormErrors errors, Locale locale) {
        String typed = blankToNull(text);
        if (typed == null) {
            return null;
        }
        // a coordinate has one decimal separator, a comma or a point, and no thousands
        BigDecimal read = quantity(typed.replace(',', '.').replace('\u2212', '-'));
        if (read == null) {
            errors.field(field, messages.getMessage("refusal.NOT_A_COORDINATE", null, locale));
        }
        return read;
    }

    private Mono<Rendering> page(Map<String, String> typed, FormErrors errors) {
        OrganisationKind kind = kindOf(typed.get("kind"));
        return picker.as(typed).map(found -> Rendering.view("organisations/new")
                .modelAttribute("kind", kind.name())
                .modelAttribute("donor", kind == OrganisationKind.DONOR_COMPANY)
                .modelAttribute("structureTypes", RecipientStructureType.values())
                .modelAttribute("picker", found)
                .modelAttribute("typed", typed)
                .modelAttribute("errors", errors)
                .modelAttribute("otherErrors", errors.generalAndUnshown(FIELDS))
                .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .build());
    }

    private static OrganisationKind kindOf(String kind) {
        return OrganisationKind.RECIPIENT_STRUCTURE.name().equals(kind) ? OrganisationKind.RECIPIENT_STRUCTURE
                : OrganisationKind.DONOR_COMPANY;
    }
}
