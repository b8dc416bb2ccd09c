package gr.solidarity.ledger.command.organisation;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.messages.common.Refusal;
import gr.solidarity.ledger.messages.organisation.OrganisationEvents.TaxNumberClaimed;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

import static gr.solidarity.ledger.command.support.InMemoryAggregates.eventStore;
import static gr.solidarity.ledger.command.support.InMemoryAggregates.inUnitOfWork;
import static gr.solidarity.ledger.command.support.InMemoryAggregates.payloads;
import static gr.solidarity.ledger.command.support.InMemoryAggregates.repository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A tax number is a claim the event store keeps unique, as a username is: one donor company per ΑΦΜ. */
class RepositoryTaxNumbersTest {

    static final String AFM = "094014201";

    final EventStore store = eventStore();
    final TaxNumbers taxNumbers = new RepositoryTaxNumbers(repository(TaxNumberClaim.class, store));

    @Test
    void theFirstCompanyTakesTheNumberAndASecondIsRefusedByName() {
        inUnitOfWork(() -> {
            taxNumbers.claim(AFM, "donor-1");
            return null;
        });
        assertThat(payloads(store, "taxNumber:" + AFM)).containsExactly(new TaxNumberClaimed(AFM, "donor-1"));

        assertThatThrownBy(() -> inUnitOfWork(() -> {
            taxNumbers.claim(AFM, "donor-2");
            return null;
        })).isInstanceOfSatisfying(CommandRefusedException.class, refused -> {
            assertThat(refused.refusal().code()).isEqualTo(TaxNumbers.TAX_NUMBER_TAKEN);
            assertThat(refused.refusal().kind()).isEqualTo(Refusal.Kind.CONFLICT);
            assertThat(refused.refusal().fields()).extracting(Refusal.FieldProblem::field).containsExactly("taxNumber");
        });
        assertThat(payloads(store, "taxNumber:" + AFM)).hasSize(1);
    }

    @Test
    void theSameCompanyRegisteredAgainKeepsItsNumber() {
        inUnitOfWork(() -> {
            taxNumbers.claim(AFM, "donor-1");
            return null;
        });
        inUnitOfWork(() -> {
            taxNumbers.claim(AFM, "donor-1");
            return null;
        });
        assertThat(payloads(store, "taxNumber:" + AFM)).hasSize(1);
    }
}
