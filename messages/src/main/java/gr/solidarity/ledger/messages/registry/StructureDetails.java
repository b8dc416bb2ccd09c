package gr.solidarity.ledger.messages.registry;

import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.common.PostalAddress;

import java.util.List;

/**
 * Everything the registry records about a structure except its services, as checked and completed by the command
 * side: a registration states it, a correction states it again in full.
 *
 * @param nameEn               null when the structure has no English name
 * @param municipality         the municipality as it stood then, names beside the ELSTAT 2021 code
 * @param municipalityCentroid the municipality's centroid, shown in place of the location when that must not be
 *                             public; kept in the event so that every reader places the structure alike
 * @param beneficiariesServed  null when not known
 * @param inSolidarityNetwork  whether it takes part in the Social Solidarity Network (may declare needs)
 * @param organisationId       the recipient organisation through which it takes part, when it is one; null otherwise
 */
public record StructureDetails(String nameEl, String nameEn, StructureType type, List<TargetGroup> targetGroups,
                               PostalAddress address, GeoPoint location, Municipality municipality,
                               GeoPoint municipalityCentroid, OpeningHours openingHours,
                               PremisesAccessibility accessibility, ContactDetails contact, Integer beneficiariesServed,
                               LocationVisibility locationVisibility, boolean inSolidarityNetwork,
                               String organisationId) {

    public StructureDetails {
        targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
    }
}
