package gr.solidarity.ledger.command.pledge;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import gr.solidarity.ledger.command.pledge.PledgeDesk.DeliveredQuantity;
import gr.solidarity.ledger.command.pledge.PledgeDesk.RecordPledgeDelivery;
import gr.solidarity.ledger.command.support.FakeCatalogue;
import gr.solidarity.ledger.command.support.FakeOrganisations;
import gr.solidarity.ledger.command.support.FixedClock;
import gr.solidarity.ledger.messages.common.Refusal;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static gr.solidarity.ledger.command.pledge.PledgeTest.DONOR;
import static gr.solidarity.ledger.command.pledge.PledgeTest.PLEDGE;
import static gr.solidarity.ledger.command.pledge.PledgeTest.RECEIPT;
import static gr.solidarity.ledger.command.pledge.PledgeTest.WAREHOUSE;
import static gr.solidarity.ledger.command.pledge.PledgeTest.delivered;
import static gr.solidarity.ledger.command.pledge.PledgeTest.pledgeMade;
import static gr.solidarity.ledger.command.support.InMemoryAggregates.eventStore;
import static gr.solidarity.ledger.command.support.InMemoryAggregates.inUnitOfWork;
import static gr.solidarity.ledger.command.support.InMemoryAggregates.payloads;
import static gr.solidarity.ledger.command.support.InMemoryAggregates.repository;
import static gr.solidarity.ledger.command.support.InMemoryAggregates.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RepositoryPledgeDeskTest {

    EventStore store;
    FakeOrganisations organisations;
    PledgeDesk desk;

    @BeforeEach
    void setUp() {
        store = eventStore();
        organisations = new FakeOrganisations().donor(DONOR);
        desk = new RepositoryPledgeDesk(repository(Pledge.class, store, new FakeCatalogue(), FixedClock.today()),
                organisations);
        seed(store, Pledge.class, PLEDGE, pledgeMade());
    }

    @Test
    void recordsTheDeliveryAndAnswersTheDonor() {
        String donor = inUnitOfWork(() -> desk.recordDelivery(new RecordPledgeDelivery(PLEDGE, RECEIPT, WAREHOUSE,
                List.of(new DeliveredQuantity(1, "RICE", new BigDecimal("50"))))));

        assertThat(donor).isEqualTo(DONOR);
        assertThat(payloads(store, PLEDGE)).containsExactly(pledgeMade(), delivered(1, "RICE", "50", "50"));
    }

    @Test
    void aDonorNoLongerVerifiedStopsTheDelivery() {
        organisations.suspend(DONOR);
        var refused = catchThrowableOfType(CommandRefusedException.class, () -> inUnitOfWork(() ->
                desk.recordDelivery(new RecordPledgeDelivery(PLEDGE, RECEIPT, WAREHOUSE,
                        List.of(new DeliveredQuantity(1, "RICE", new BigDecimal("50")))))));

        assertThat(refused.refusal().code()).isEqualTo(OrganisationLookup.NOT_VERIFIED);
        assertThat(payloads(store, PLEDGE)).containsExactly(pledgeMade());
    }

    @Test
    void anUnknownPledgeIsNotFound() {
        var refused = catchThrowableOfType(CommandRefusedException.class, () -> inUnitOfWork(() ->
                desk.recordDelivery(new RecordPledgeDelivery("no-such-pledge", RECEIPT, WAREHOUSE,
                        List.of(new DeliveredQuantity(1, "RICE", BigDecimal.ONE))))));

        assertThat(refused.refusal().code()).isEqualTo(PledgeDesk.PLEDGE_NOT_FOUND);
        assertThat(refused.refusal().kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(refused.refusal().fields()).extracting(Refusal.FieldProblem::field).containsExactly("pledgeId");
    }
}
