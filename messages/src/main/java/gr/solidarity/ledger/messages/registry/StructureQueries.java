package gr.solidarity.ledger.messages.registry;

import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.PostalAddress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Queries on the registry of social structures. */
public final class StructureQueries {

    /** MongoDB collection: one document per structure. */
    public static final String COLLECTION = "structureRegistry";
    /**
     * A field of a structure's document beside its view: the time of the event that last took the structure out of
     * public view (closed or hidden it); absent while it never left.
     */
    public static final String WITHDRAWN_AT = "withdrawnAt";

    /** A structure whose last verification (or, never verified, its registration) is older than this is stale. */
    public static final int STALE_AFTER_DAYS = 365;

    private StructureQueries() {
    }

    public enum StructureStatus {
        ACTIVE, CLOSED
    }

    /**
     * Structures ordered by Greek name, then id. Every filter is optional (null).
     *
     * @param today the day staleness is judged on (in Greece); required
     * @param stale only stale (true) or only up-to-date (false) structures
     * @param after the sort key of the last row of the previous page (the decoded cursor); null for the first
     */
    public record FindStructures(String regionalUnitCode, String municipalityCode, StructureType type,
                                 StructureService service, StructureStatus status, Boolean stale, LocalDate today,
                                 int limit, String after) {
    }

    public record FindStructure(String structureId, LocalDate today) {
    }

    /**
     * As {@link FindStructures}, for anyone: only active structures that may be shown, each as its public card.
     *
     * @param openAt only structures open at this instant ({@link OpeningHours#openAt}); null for all
     */
    public record FindPublicStructures(String regionalUnitCode, String municipalityCode, StructureType type,
                                       StructureService service, LocalDate today, int limit, String after,
                                       Instant openAt) {

        public FindPublicStructures(String regionalUnitCode, String municipalityCode, StructureType type,
                                    StructureService service, LocalDate today, int limit, String after) {
            this(regionalUnitCode, municipalityCode, type, service, today, limit, after, null);
        }
    }

    /** One structure's public card; none for a hidden, closed or unknown structure. */
    public record FindPublicStructure(String structureId, LocalDate today) {
    }

    /**
     * One structure as the directorate sees it: everything, whatever its visibility.
     *
     * @param lastVerifiedOn null when never verified
     * @param stale          whether {@link #STALE_AFTER_DAYS} days have passed since the last verification (or the
     *                       registration) on the day the query named; null as stored, before a query judges it
     */
    public record StructureView(String id, String nameEl, String nameEn, StructureType type,
                                List<StructureService> services, List<TargetGroup> targetGroups,
                                PostalAddress address, GeoPoint location, String municipalityCode,
                                String municipalityNameEl, String municipalityNameEn, String regionalUnitCode,
                                String regionalUnitNameEl, String regionalUnitNameEn, String regionCode,
                                String regionNameEn, GeoPoint municipalityCentroid, OpeningHours openingHours,
                                PremisesAccessibility accessibility, ContactDetails contact,
                                Integer beneficiariesServed, LocationVisibility locationVisibility,
                                boolean inSolidarityNetwork, String organisationId, StructureStatus status,
                                LocalDate closedOn, String closureReason, LocalDate lastVerifiedOn,
                                String lastVerifiedBy, LocalDate registeredOn, Instant registeredAt,
                                Instant changedAt, Boolean stale) {

        public StructureView withStale(boolean stale) {
            return new StructureView(id, nameEl, nameEn, type, services, targetGroups, address, location,
                    municipalityCode, municipalityNameEl, municipalityNameEn, regionalUnitCode, regionalUnitNameEl,
                    regionalUnitNameEn, regionCode, regionNameEn, municipalityCentroid, openingHours, accessibility,
                    contact, beneficiariesServed, locationVisibility, inSolidarityNetwork, organisationId, status,
                    closedOn, closureReason, lastVerifiedOn, lastVerifiedBy, registeredOn, registeredAt, changedAt,
                    stale);
        }

        /** Whether the structure counts as stale on {@code today}. */
        public boolean staleOn(LocalDate today) {
            LocalDate checked = lastVerifiedOn != null ? lastVerifiedOn : registeredOn;
            return checked != null && checked.plusDays(STALE_AFTER_DAYS).isBefore(today);
        }
    }

    /** @param nextCursor null on the last page */
    public record StructurePage(List<StructureView> items, String nextCursor) {
    }

    /**
     * A structure as anyone may see it. For a structure shown at municipality level only, there is no address, no
     * contact and the municipality's centroid stands for its location; {@code exactLocation} says which it is.
     */
    public record PublicStructure(String id, String nameEl, String nameEn, StructureType type,
                                  List<StructureService> services, List<TargetGroup> targetGroups,
                                  String municipalityCode, String municipalityNameEl, String municipalityNameEn,
                                  String regionalUnitCode, String regionalUnitNameEl, String regionalUnitNameEn,
                                  GeoPoint location, boolean exactLocation, PostalAddress address,
                                  ContactDetails contact, OpeningHours openingHours,
                                  PremisesAccessibility accessibility, Integer beneficiariesServed,
                                  boolean inSolidarityNetwork, LocalDate lastVerifiedOn, boolean stale) {

        /**
         * The public card of a structure, or none when it must not be shown (hidden or closed). Rule
         * SensitiveLocationsStayAtMunicipalityLevel: anything but an exact visibility loses address, contact and
         * coordinates finer than the municipality's centroid.
         */
        public static Optional<PublicStructure> of(StructureView view, LocalDate today) {
            if (view == null || view.locationVisibility() == LocationVisibility.HIDDEN
                    || view.status() != StructureStatus.ACTIVE) {
                return Optional.empty();
            }
            boolean exact = view.locationVisibility() == LocationVisibility.EXACT;
            return Optional.of(new PublicStructure(view.id(), view.nameEl(), view.nameEn(), view.type(),
                    view.services(), view.targetGroups(), view.municipalityCode(), view.municipalityNameEl(),
                    view.municipalityNameEn(), view.regionalUnitCode(), view.regionalUnitNameEl(),
                    view.regionalUnitNameEn(), exact ? view.location() : view.municipalityCentroid(), exact,
                    exact ? view.address() : null, exact ? view.contact() : null, view.openingHours(),
                    view.accessibility(), view.beneficiariesServed(), view.inSolidarityNetwork(),
                    view.lastVerifiedOn(), view.staleOn(today)));
        }
    }

    /** @param nextCursor null on the last page */
    public record PublicStructurePage(List<PublicStructure> items, String nextCursor) {
    }

    /** The most structures a nearest query answers. */
    public static final int MAX_NEAREST = 50;

    /**
     * The {@code k} public structures nearest to a point, by great-circle distance, for anyone. Only what a public card
     * shows counts: a structure shown at municipality level only stands at its municipality's centroid, a hidden or
     * closed one is never found. The area, type and service filters are optional (null), as in
     * {@link FindPublicStructures}.
     *
     * @param today  the day staleness is judged on (in Greece); required
     * @param openAt only structures open at this instant ({@link OpeningHours#openAt}); null for all
     */
    public record FindNearestStructures(double latitude, double longitude, int k, String regionalUnitCode,
                                        String municipalityCode, StructureType type, StructureService service,
                                        LocalDate today, Instant openAt) {

        public FindNearestStructures(double latitude, double longitude, int k, String regionalUnitCode,
                                     String municipalityCode, StructureType type, StructureService service,
                                     LocalDate today) {
            this(latitude, longitude, k, regionalUnitCode, municipalityCode, type, service, today, null);
        }
    }

    /** A public card and how far its shown location lies from the point asked about, in kilometres. */
    public record NearbyStructure(PublicStructure structure, double distanceKm) {
    }

    /** Nearest first; of two as far, the one with the smaller id first. */
    public record NearestStructures(List<NearbyStructure> items) {
    }

    /**
     * The municipalities where the public registry shows at least one structure, by Greek name, each with the centroid
     * a search from the municipality starts at. None is named for a structure the public may not see.
     *
     * @param regionalUnitCode only those of this regional unit; null for all
     */
    public record FindPublicMunicipalities(String regionalUnitCode) {
    }

    public record PublicMunicipality(String code, String nameEl, String nameEn, String regionalUnitCode,
                                     String regionalUnitNameEl, String regionalUnitNameEn, GeoPoint centroid) {
    }

    public record PublicMunicipalities(List<PublicMunicipality> items) {
    }
}
