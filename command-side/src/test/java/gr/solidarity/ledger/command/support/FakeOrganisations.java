package gr.solidarity.ledger.command.support;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;

import java.util.HashSet;
import java.util.Set;

/** In-memory organisations: verified donors and recipients; anyone else is refused as not verified. */
public class FakeOrganisations implements OrganisationLookup {

    private final Set<String> donors = new HashSet<>();
    private final Set<String> recipients = new HashSet<>();

    public FakeOrganisations donor(String organisationId) {
        donors.add(organisationId);
        return this;
    }

    public FakeOrganisations recipient(String organisationId) {
        recipients.add(organisationId);
        return this;
    }

    /** The organisation is no longer verified from now on. */
    public void suspend(String organisationId) {
        donors.remove(organisationId);
        recipients.remove(organisationId);
    }

    @Override
    public void requireVerifiedDonor(String field, String organisationId) {
        if (!donors.contains(organisationId)) {
            throw CommandRefusedException.ruleViolated(NOT_VERIFIED, field, organisationId + " is not a verified donor");
        }
    }

    @Override
    public void requireVerifiedRecipient(String field, String organisationId) {
        if (!recipients.contains(organisationId)) {
            throw CommandRefusedException.ruleViolated(NOT_VERIFIED, field, organisationId + " is not a verified recipient");
        }
    }
}
