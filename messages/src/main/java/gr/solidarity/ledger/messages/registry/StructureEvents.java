package gr.solidarity.ledger.messages.registry;

import gr.solidarity.ledger.messages.history.Concerning;
import gr.solidarity.ledger.messages.history.StoredType;

import java.time.LocalDate;
import java.util.List;

/**
 * What happened in the registry of social structures. Each event names the structure, and the recipient organisation
 * it takes part in the network through when it has one, so the audit trail finds it under both.
 */
public final class StructureEvents {

    private StructureEvents() {
    }

    @StoredType(name = "registry.StructureRegistered", revision = 1)
    public record StructureRegistered(String structureId, StructureDetails details, List<StructureService> services)
            implements Concerning {

        public StructureRegistered {
            services = services == null ? List.of() : List.copyOf(services);
        }

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.ids(structureId, details == null ? null : details.organisationId());
        }
    }

    /** The registry's details stated again in full, as corrected; the services are changed on their own. */
    @StoredType(name = "registry.StructureDetailsCorrected", revision = 1)
    public record StructureDetailsCorrected(String structureId, StructureDetails details) implements Concerning {

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.ids(structureId, details == null ? null : details.organisationId());
        }
    }

    /** The services offered from now on, with what was added and what was withdrawn, each in the code list's order. */
    @StoredType(name = "registry.StructureServicesChanged", revision = 1)
    public record StructureServicesChanged(String structureId, List<StructureService> services,
                                           List<StructureService> added, List<StructureService> removed)
            implements Concerning {

        public StructureServicesChanged {
            services = services == null ? List.of() : List.copyOf(services);
            added = added == null ? List.of() : List.copyOf(added);
            removed = removed == null ? List.of() : List.copyOf(removed);
        }

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.ids(structureId);
        }
    }

    /**
     * Someone checked on {@code verifiedOn} that the entry is true (a visit, a call); {@code verifiedBy} names them,
     * who may not be the person recording it (that one is in the event's metadata).
     */
    @StoredType(name = "registry.StructureVerified", revision = 1)
    public record StructureVerified(String structureId, LocalDate verifiedOn, String verifiedBy, String note)
            implements Concerning {

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.ids(structureId);
        }
    }

    /** The structure stopped operating on {@code closedOn}; its entry stays, closed, for history. */
    @StoredType(name = "registry.StructureClosed", revision = 1)
    public record StructureClosed(String structureId, LocalDate closedOn, String reason) implements Concerning {

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.ids(structureId);
        }
    }
}
