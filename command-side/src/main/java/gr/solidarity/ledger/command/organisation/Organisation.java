package gr.solidarity.ledger.command.organisation;

import gr.solidarity.ledger.command.common.Addresses;
import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.Texts;
import gr.solidarity.ledger.command.geography.Municipalities;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterDonorCompany;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterRecipientStructure;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.ReinstateOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.SuspendOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.VerifyOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.DonorCompanyRegistered;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.OrganisationReinstated;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.OrganisationSuspended;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.OrganisationVerified;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.RecipientStructureRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A donor company or a recipient structure. Its own consistency boundary: its status (registered, verified,
 * suspended) changes only through the directorate, and other aggregates read it when they need a verified party.
 */
@Aggregate
public class Organisation {

    static final String NOT_PENDING_VERIFICATION = "ORGANISATION_NOT_PENDING_VERIFICATION";
    static final String NOT_ACTIVE = "ORGANISATION_NOT_ACTIVE";
    static final String NOT_SUSPENDED = "ORGANISATION_NOT_SUSPENDED";

    @AggregateIdentifier
    private String organisationId;
    private OrganisationKind kind;
    private OrganisationStatus status;

    protected Organisation() {
        // for event sourcing
    }

    @CommandHandler
    public Organisation(RegisterDonorCompany command, TaxNumbers taxNumbers) {
        var municipality = Municipalities.greece().require("municipalityCode", command.municipalityCode());
        String legalName = Texts.require("legalName", command.legalName(), 200);
        String taxNumber = TaxNumber.require("taxNumber", command.taxNumber());
        var contact = requireContact(command.contact());
        var address = Addresses.require(command.address());
        // Rule TaxNumberMustBeUnique, checked last so that an invalid registration claims nothing
        taxNumbers.claim(taxNumber, command.organisationId());
        apply(new DonorCompanyRegistered(command.organisationId(), legalName, taxNumber, contact, address, municipality));
    }

    @CommandHandler
    public Organisation(RegisterRecipientStructure command) {
        var municipality = Municipalities.greece().require("municipalityCode", command.municipalityCode());
        if (command.structureType() == null) {
            throw CommandRefusedException.invalid("STRUCTURE_TYPE_REQUIRED", "structureType", "structure type is required");
        }
        requireInGreece(command.location());
        if (command.beneficiariesServed() < 0 || command.beneficiariesServed() > 100_000) {
            throw CommandRefusedException.invalid("BENEFICIARIES_OUT_OF_RANGE", "beneficiariesServed",
                    "beneficiaries served must be between 0 and 100000");
        }
        apply(new RecipientStructureRegistered(command.organisationId(),
                Texts.require("name", command.name(), 200),
                command.structureType(),
                requireContact(command.contact()),
                Addresses.require(command.address()),
                municipality,
                command.location(),
                command.beneficiariesServed()));
    }

    @CommandHandler
    public void handle(VerifyOrganisation command) {
        if (status != OrganisationStatus.REGISTERED) {
            throw CommandRefusedException.conflict(NOT_PENDING_VERIFICATION,
                    "only a newly registered organisation can be verified; this one is " + status);
        }
        apply(new OrganisationVerified(organisationId, Texts.optional("note", command.note(), 1000)));
    }

    @CommandHandler
    public void handle(SuspendOrganisation command) {
        if (status != OrganisationStatus.VERIFIED) {
            throw CommandRefusedException.conflict(NOT_ACTIVE, "only a verified organisation can be suspended; this one is " + status);
        }
        apply(new OrganisationSuspended(organisationId, Texts.require("reason", command.reason(), 1000)));
    }

    @CommandHandler
    public void handle(ReinstateOrganisation command) {
        if (status != OrganisationStatus.SUSPENDED) {
            throw CommandRefusedException.conflict(NOT_SUSPENDED, "only a suspended organisation can be reinstated; this one is " + status);
        }
        apply(new OrganisationReinstated(organisationId, Texts.optional("note", command.note(), 1000)));
    }

    /** Read by other aggregates in the same unit of work, see {@link OrganisationLookup}. */
    OrganisationKind kind() {
        return kind;
    }

    OrganisationStatus status() {
        return status;
    }

    @EventSourcingHandler
    void on(DonorCompanyRegistered event) {
        organisationId = event.organisationId();
        kind = OrganisationKind.DONOR_COMPANY;
        status = OrganisationStatus.REGISTERED;
    }

    @EventSourcingHandler
    void on(RecipientStructureRegistered event) {
        organisationId = event.organisationId();
        kind = OrganisationKind.RECIPIENT_STRUCTURE;
        status = OrganisationStatus.REGISTERED;
    }

    @EventSourcingHandler
    void on(OrganisationVerified event) {
        status = OrganisationStatus.VERIFIED;
    }

    @EventSourcingHandler
    void on(OrganisationSuspended event) {
        status = OrganisationStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(OrganisationReinstated event) {
        status = OrganisationStatus.VERIFIED;
    }

    private static ContactDetails requireContact(ContactDetails contact) {
        if (contact == null) {
            throw CommandRefusedException.invalid("CONTACT_REQUIRED", "contact", "contact details are required");
        }
        String email = Texts.optional("contact.email", contact.email(), 254);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw CommandRefusedException.invalid("INVALID_EMAIL", "contact.email", "e-mail address is not valid");
        }
        String phone = Texts.optional("contact.phone", contact.phone(), 40);
        if (phone != null && !phone.matches("\\+?[0-9 ()-]{6,40}")) {
            throw CommandRefusedException.invalid("INVALID_PHONE", "contact.phone", "phone number is not valid");
        }
        return new ContactDetails(Texts.require("contact.person", contact.person(), 200), email, phone);
    }

    /** Rule LocationMustBeInGreece: a structure's point must fall inside Greece's extent. */
    private static void requireInGreece(GeoPoint location) {
        List<gr.solidarity.ledger.messages.common.Refusal.FieldProblem> problems = new ArrayList<>();
        if (location == null) {
            throw CommandRefusedException.invalid("LOCATION_REQUIRED", "location", "location (latitude/longitude) is required");
        }
        if (location.latitude() < 34.5 || location.latitude() > 42.0) {
            problems.add(new gr.solidarity.ledger.messages.common.Refusal.FieldProblem("location.latitude",
                    "latitude must be within Greece (34.5 to 42.0)"));
        }
        if (location.longitude() < 19.0 || location.longitude() > 30.0) {
            problems.add(new gr.solidarity.ledger.messages.common.Refusal.FieldProblem("location.longitude",
                    "longitude must be within Greece (19.0 to 30.0)"));
        }
        if (!problems.isEmpty()) {
            throw CommandRefusedException.invalid("LOCATION_OUTSIDE_GREECE", "location must be within Greece", problems);
        }
    }
}
