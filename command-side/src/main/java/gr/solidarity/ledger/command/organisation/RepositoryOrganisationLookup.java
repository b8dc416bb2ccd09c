package gr.solidarity.ledger.command.organisation;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.SameUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

@Component
class RepositoryOrganisationLookup implements OrganisationLookup {

    private final Repository<Organisation> organisations;

    RepositoryOrganisationLookup(Repository<Organisation> organisations) {
        this.organisations = organisations;
    }

    @Override
    public void requireVerifiedDonor(String field, String organisationId) {
        require(field, organisationId, OrganisationKind.DONOR_COMPANY);
    }

    @Override
    public void requireVerifiedRecipient(String field, String organisationId) {
        require(field, organisationId, OrganisationKind.RECIPIENT_STRUCTURE);
    }

    private void require(String field, String organisationId, OrganisationKind expected) {
        if (organisationId == null || organisationId.isBlank()) {
            throw CommandRefusedException.invalid(NOT_FOUND, field, field + " is required");
        }
        var state = SameUnitOfWork.read(organisations, organisationId,
                organisation -> new Object[]{organisation.kind(), organisation.status()},
                () -> CommandRefusedException.notFound(NOT_FOUND, field, "no organisation " + organisationId));
        if (state[0] != expected) {
            throw CommandRefusedException.ruleViolated(WRONG_KIND, field,
                    "organisation " + organisationId + " is not a " + expected.name().toLowerCase().replace('_', ' '));
        }
        if (state[1] != OrganisationStatus.VERIFIED) {
            throw CommandRefusedException.ruleViolated(NOT_VERIFIED, field,
                    "organisation " + organisationId + " is " + state[1].toString().toLowerCase()
                            + "; only verified organisations pledge or receive");
        }
    }
}
