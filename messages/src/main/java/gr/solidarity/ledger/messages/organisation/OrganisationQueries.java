package gr.solidarity.ledger.messages.organisation;

import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.PostalAddress;

import java.time.Instant;
import java.util.List;

/** Queries on the organisation registry (μητρώο φορέων): donor companies and recipient structures. */
public final class OrganisationQueries {

    /** MongoDB collection: one document per organisation. */
    public static final String COLLECTION = "organisations";

    private OrganisationQueries() {
    }

    public enum OrganisationKind {
        DONOR_COMPANY, RECIPIENT_STRUCTURE
    }

    /** Registered organisations wait for the directorate's verification; verified ones may act; suspended may not. */
    public enum OrganisationStatus {
        PENDING_VERIFICATION, VERIFIED, SUSPENDED
    }

    /**
     * Organisations ordered by name, then id. Every filter is optional (null).
     *
     * @param search         part of the name (any case, with or without accents) or the whole ΑΦΜ
     * @param organisationId only this organisation (a donor's or structure's member sees only their own)
     * @param after          the sort key of the last row of the previous page (the decoded cursor); null for the first
     */
    public record FindOrganisations(OrganisationKind kind, RecipientStructureType structureType,
                                    String municipalityCode, String regionalUnitCode, OrganisationStatus status,
                                    String search, String organisationId, int limit, String after) {
    }

    public record FindOrganisation(String organisationId) {
    }

    /**
     * One organisation as the registry shows it now.
     *
     * @param taxNumber          the donor company's ΑΦΜ; null for structures
     * @param structureType      null for donor companies
     * @param location           null for donor companies
     * @param beneficiariesServed null for donor companies
     * @param statusNote         the note or reason of the last verification, suspension or reinstatement
     */
    public record OrganisationView(String id, OrganisationKind kind, String name, String taxNumber,
                                   RecipientStructureType structureType, ContactDetails contact, PostalAddress address,
                                   String municipalityCode, String municipalityName, String municipalityNameEn,
                                   String regionalUnitCode, String regionalUnitName, GeoPoint location,
                                   Integer beneficiariesServed, OrganisationStatus status, String statusNote,
                                   Instant registeredAt, Instant changedAt) {
    }

    /** @param nextCursor null on the last page */
    public record OrganisationPage(List<OrganisationView> items, String nextCursor) {
    }
}
