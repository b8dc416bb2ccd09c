package gr.solidarity.ledger.messages.registry;

import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.LedgerCommand;
import gr.solidarity.ledger.messages.common.PostalAddress;

import java.time.LocalDate;
import java.util.List;

/** Commands on the registry of social structures (μητρώο κοινωνικών δομών); the directorate sends them. */
public final class StructureCommands {

    private StructureCommands() {
    }

    /**
     * A structure's details as entered, before the command side checks them and resolves the municipality.
     *
     * @param locationVisibility null for the type's default (municipality only for sensitive types, exact otherwise)
     * @param organisationId     only with {@code inSolidarityNetwork}: the verified recipient organisation it is
     */
    public record StructureEntry(String nameEl, String nameEn, StructureType type, List<TargetGroup> targetGroups,
                                 PostalAddress address, GeoPoint location, String municipalityCode,
                                 OpeningHours openingHours, PremisesAccessibility accessibility, ContactDetails contact,
                                 Integer beneficiariesServed, LocationVisibility locationVisibility,
                                 boolean inSolidarityNetwork, String organisationId) {
    }

    public record RegisterStructure(String structureId, StructureEntry entry, List<StructureService> services)
            implements LedgerCommand {
        @Override public String targetId() { return structureId; }
    }

    /** States the details again in full; what is not given is recorded as absent. */
    public record CorrectStructureDetails(String structureId, StructureEntry entry) implements LedgerCommand {
        @Override public String targetId() { return structureId; }
    }

    /** The services offered from now on, in full. */
    public record ChangeStructureServices(String structureId, List<StructureService> services)
            implements LedgerCommand {
        @Override public String targetId() { return structureId; }
    }

    public record VerifyStructure(String structureId, LocalDate verifiedOn, String verifiedBy, String note)
            implements LedgerCommand {
        @Override public String targetId() { return structureId; }
    }

    public record CloseStructure(String structureId, LocalDate closedOn, String reason) implements LedgerCommand {
        @Override public String targetId() { return structureId; }
    }
}
