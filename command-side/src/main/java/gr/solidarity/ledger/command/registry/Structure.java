package gr.solidarity.ledger.command.registry;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.Texts;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import gr.solidarity.ledger.messages.registry.StructureCommands.ChangeStructureServices;
import gr.solidarity.ledger.messages.registry.StructureCommands.CloseStructure;
import gr.solidarity.ledger.messages.registry.StructureCommands.CorrectStructureDetails;
import gr.solidarity.ledger.messages.registry.StructureCommands.RegisterStructure;
import gr.solidarity.ledger.messages.registry.StructureCommands.VerifyStructure;
import gr.solidarity.ledger.messages.registry.StructureDetails;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureClosed;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureDetailsCorrected;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureRegistered;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureServicesChanged;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureVerified;
import gr.solidarity.ledger.messages.registry.StructureService;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A social structure of the region's registry, of any kind, whether or not it receives goods. Its own consistency
 * boundary: its entry changes only through the directorate and nothing else waits on it. A structure that takes part
 * in the solidarity network through a recipient organisation names that organisation; the organisation stays as it is.
 */
@Aggregate
public class Structure {

    static final String CLOSED = "STRUCTURE_CLOSED";
    static final String DETAILS_UNCHANGED = "STRUCTURE_DETAILS_UNCHANGED";
    static final String SERVICES_UNCHANGED = "STRUCTURE_SERVICES_UNCHANGED";
    static final String VERIFIED_ON_REQUIRED = "VERIFIED_ON_REQUIRED";
    static final String VERIFIED_ON_IN_FUTURE = "VERIFIED_ON_IN_FUTURE";
    static final String VERIFIED_ON_BEFORE_LAST = "VERIFIED_ON_BEFORE_LAST_VERIFICATION";
    static final String CLOSED_ON_REQUIRED = "CLOSED_ON_REQUIRED";
    static final String CLOSED_ON_IN_FUTURE = "CLOSED_ON_IN_FUTURE";

    @AggregateIdentifier
    private String structureId;
    private StructureDetails details;
    private List<StructureService> services;
    private LocalDate lastVerifiedOn;
    private boolean closed;

    protected Structure() {
        // for event sourcing
    }

    @CommandHandler
    public Structure(RegisterStructure command, OrganisationLookup organisations) {
        StructureDetails details = StructureRules.details(command.entry(), null, organisations);
        List<StructureService> services = StructureRules.services(command.services());
        apply(new StructureRegistered(command.structureId(), details, services));
    }

    @CommandHandler
    public void handle(CorrectStructureDetails command, OrganisationLookup organisations) {
        requireOpen();
        StructureDetails corrected = StructureRules.details(command.entry(), details, organisations);
        // Rule CorrectionMustChangeSomething: an unchanged entry would record a correction that corrected nothing
        if (corrected.equals(details)) {
            throw CommandRefusedException.conflict(DETAILS_UNCHANGED, "the details are already as given");
        }
        apply(new StructureDetailsCorrected(structureId, corrected));
    }

    @CommandHandler
    public void handle(ChangeStructureServices command) {
        requireOpen();
        List<StructureService> changed = StructureRules.services(command.services());
        if (changed.equals(services)) {
            throw CommandRefusedException.conflict(SERVICES_UNCHANGED, "the structure already offers exactly these services");
        }
        List<StructureService> added = changed.stream().filter(service -> !services.contains(service)).toList();
        List<StructureService> removed = services.stream().filter(service -> !changed.contains(service)).toList();
        apply(new StructureServicesChanged(structureId, changed, added, removed));
    }

    @CommandHandler
    public void handle(VerifyStructure command, Clock clock) {
        requireOpen();
        if (command.verifiedOn() == null) {
            throw CommandRefusedException.invalid(VERIFIED_ON_REQUIRED, "verifiedOn", "the day of the verification is required");
        }
        LocalDate today = LocalDate.now(clock);
        if (command.verifiedOn().isAfter(today)) {
            throw CommandRefusedException.invalid(VERIFIED_ON_IN_FUTURE, "verifiedOn",
                    "the verification must not be dated after today (" + today + ")");
        }
        // Rule VerificationsGoForward: the last verification is the latest one, so staleness never goes back in time
        if (lastVerifiedOn != null && command.verifiedOn().isBefore(lastVerifiedOn)) {
            throw CommandRefusedException.ruleViolated(VERIFIED_ON_BEFORE_LAST, "verifiedOn",
                    "the structure was already verified on " + lastVerifiedOn);
        }
        apply(new StructureVerified(structureId, command.verifiedOn(),
                Texts.require("verifiedBy", command.verifiedBy(), 200), Texts.optional("note", command.note(), 1000)));
    }

    @CommandHandler
    public void handle(CloseStructure command, Clock clock) {
        requireOpen();
        if (command.closedOn() == null) {
            throw CommandRefusedException.invalid(CLOSED_ON_REQUIRED, "closedOn", "the day the structure closed is required");
        }
        LocalDate today = LocalDate.now(clock);
        if (command.closedOn().isAfter(today)) {
            throw CommandRefusedException.invalid(CLOSED_ON_IN_FUTURE, "closedOn",
                    "a closure is recorded once it happened, on or before today (" + today + ")");
        }
        apply(new StructureClosed(structureId, command.closedOn(), Texts.require("reason", command.reason(), 1000)));
    }

    /** Rule ClosedStaysClosed: a closed structure's entry is kept as it was, for history. */
    private void requireOpen() {
        if (closed) {
            throw CommandRefusedException.conflict(CLOSED, "the structure is closed; its entry is kept as it was");
        }
    }

    @EventSourcingHandler
    void on(StructureRegistered event) {
        structureId = event.structureId();
        details = event.details();
        services = event.services();
    }

    @EventSourcingHandler
    void on(StructureDetailsCorrected event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(StructureServicesChanged event) {
        services = event.services();
    }

    @EventSourcingHandler
    void on(StructureVerified event) {
        lastVerifiedOn = event.verifiedOn();
    }

    @EventSourcingHandler
    void on(StructureClosed event) {
        closed = true;
    }
}
