package gr.solidarity.ledger.command.organisation;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.messages.common.Refusal;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.List;

/** Tax numbers claimed through their own aggregates, in the unit of work of the registration that claims them. */
@Component
class RepositoryTaxNumbers implements TaxNumbers {

    private final Repository<TaxNumberClaim> claims;

    RepositoryTaxNumbers(Repository<TaxNumberClaim> claims) {
        this.claims = claims;
    }

    @Override
    public void claim(String taxNumber, String organisationId) {
        String holder;
        try {
            holder = claims.load(TaxNumberClaim.aggregateId(taxNumber)).invoke(TaxNumberClaim::organisationId);
        } catch (AggregateNotFoundException free) {
            try {
                claims.newInstance(() -> new TaxNumberClaim(taxNumber, organisationId));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        if (!holder.equals(organisationId)) {
            String message = "the tax number " + taxNumber + " is already registered to donor company " + holder;
            throw new CommandRefusedException(new Refusal(TAX_NUMBER_TAKEN, Refusal.Kind.CONFLICT, message,
                    List.of(new Refusal.FieldProblem("taxNumber", message))));
        }
    }
}
