package gr.solidarity.ledger.command.need;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.need.NeedDesk.AllocateToNeed;
import gr.solidarity.ledger.command.need.NeedDesk.LineQuantity;
import gr.solidarity.ledger.command.need.NeedDesk.NeedClaim;
import gr.solidarity.ledger.command.need.NeedDesk.RecordNeedDelivery;
import gr.solidarity.ledger.command.need.NeedDesk.ReleaseNeedAllocation;
import gr.solidarity.ledger.command.support.FakeCatalogue;
import gr.solidarity.ledger.command.support.FakeOrganisations;
import gr.solidarity.ledger.command.support.FixedClock;
import gr.solidarity.ledger.messages.common.Refusal;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedAllocated;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedAllocationReleased;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedDeliveryRecorded;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static gr.solidarity.ledger.command.need.NeedTest.ALLOCATION;
import static gr.solidarity.ledger.command.need.NeedTest.NEED;
import static gr.solidarity.ledger.command.need.NeedTest.RECIPIENT;
import static gr.solidarity.ledger.command.need.NeedTest.lines;
import static gr.solidarity.ledger.command.need.NeedTest.needDeclared;
import static gr.solidarity.ledger.command.support.InMemoryAggregates.eventStore;
import static gr.solidarity.ledger.command.support.InMemoryAggregates.inUnitOfWork;
import static gr.solidarity.ledger.command.support.InMemoryAggregates.payloads;
import static gr.solidarity.ledger.command.support.InMemoryAggregates.repository;
import static gr.solidarity.ledger.command.support.InMemoryAggregates.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RepositoryNeedDeskTest {

    EventStore store;
    NeedDesk desk;

    @BeforeEach
    void setUp() {
        store = eventStore();
        desk = new RepositoryNeedDesk(repository(Need.class, store,
                new FakeOrganisations().recipient(RECIPIENT), new FakeCatalogue(), FixedClock.today()));
        seed(store, Need.class, NEED, needDeclared());
    }

    @Test
    void claimsReleasesAndDeliversInTheCallersUnitOfWork() {
        NeedClaim claim = inUnitOfWork(() -> desk.allocate(new AllocateToNeed(NEED, ALLOCATION,
                List.of(new LineQuantity(1, new BigDecimal("10"))))));
        inUnitOfWork(() -> {
            desk.release(new ReleaseNeedAllocation(NEED, ALLOCATION, "απορρίφθηκε"));
            return null;
        });
        inUnitOfWork(() -> desk.allocate(new AllocateToNeed(NEED, "second",
                List.of(new LineQuantity(1, new BigDecimal("10"))))));
        inUnitOfWork(() -> {
            desk.recordDelivery(new RecordNeedDelivery(NEED, "second", List.of(new LineQuantity(1, BigDecimal.TEN))));
            return null;
        });

        assertThat(claim).isEqualTo(new NeedClaim(RECIPIENT, Map.of(1, "RICE")));
        assertThat(payloads(store, NEED)).containsExactly(needDeclared(),
                new NeedAllocated(NEED, ALLOCATION, lines("10", null)),
                new NeedAllocationReleased(NEED, ALLOCATION, lines("10", null), "απορρίφθηκε"),
                new NeedAllocated(NEED, "second", lines("10", null)),
                new NeedDeliveryRecorded(NEED, "second", lines("10", null)));
    }

    @Test
    void aRefusedClaimStoresNothing() {
        var refused = catchThrowableOfType(CommandRefusedException.class, () -> inUnitOfWork(() ->
                desk.allocate(new AllocateToNeed(NEED, ALLOCATION, List.of(new LineQuantity(1, new BigDecimal("101")))))));

        assertThat(refused.refusal().code()).isEqualTo(Need.ALLOCATION_MUST_NOT_EXCEED_NEED);
        assertThat(payloads(store, NEED)).containsExactly(needDeclared());
    }

    @Test
    void anUnknownNeedIsNotFound() {
        var refused = catchThrowableOfType(CommandRefusedException.class, () -> inUnitOfWork(() ->
                desk.allocate(new AllocateToNeed("no-such-need", ALLOCATION,
                        List.of(new LineQuantity(1, BigDecimal.ONE))))));

        assertThat(refused.refusal().code()).isEqualTo(NeedDesk.NEED_NOT_FOUND);
        assertThat(refused.refusal().kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(refused.refusal().fields()).extracting(Refusal.FieldProblem::field).containsExactly("needId");
    }
}
