package gr.solidarity.ledger.command.allocation;

import gr.solidarity.ledger.command.common.RefusalTranslatingInterceptor;
import gr.solidarity.ledger.command.support.FakeOrganisations;
import gr.solidarity.ledger.command.support.FixedClock;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ApproveAllocation;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ConfirmAllocationReceipt;
import gr.solidarity.ledger.messages.allocation.AllocationCommands.ProposedLine;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationApproved;
import gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationReceiptConfirmed;
import gr.solidarity.ledger.messages.common.Refusal;
import gr.solidarity.ledger.messages.identity.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static gr.solidarity.ledger.command.allocation.AllocationTest.ALLOCATION;
import static gr.solidarity.ledger.command.allocation.AllocationTest.RECIPIENT;
import static gr.solidarity.ledger.command.allocation.AllocationTest.approved;
import static gr.solidarity.ledger.command.allocation.AllocationTest.dispatched;
import static gr.solidarity.ledger.command.allocation.AllocationTest.propose;
import static gr.solidarity.ledger.command.allocation.AllocationTest.proposed;
import static gr.solidarity.ledger.command.allocation.AllocationTest.qty;
import static gr.solidarity.ledger.command.allocation.AllocationTest.reservedLots;
import static gr.solidarity.ledger.command.support.Actors.by;
import static gr.solidarity.ledger.command.support.Actors.director;
import static gr.solidarity.ledger.command.support.Actors.officer;
import static gr.solidarity.ledger.command.support.Actors.recipientOf;
import static gr.solidarity.ledger.command.support.FixedClock.TODAY;
import static gr.solidarity.ledger.command.support.LedgerFixtures.fixtureFor;
import static gr.solidarity.ledger.command.support.Refusals.refusal;
import static gr.solidarity.ledger.command.support.Refusals.refused;
import static org.hamcrest.Matchers.equalTo;

/** Who may confirm a receipt (the recipient it is addressed to) and who may approve (not the proposer). */
class AllocationActorsTest {

    static final String OTHER_RECIPIENT = "a110c000-0000-4000-8000-0000000000c2";
    static final Refusal NO_SUCH_ALLOCATION = RefusalTranslatingInterceptor.noSuchRecord(ALLOCATION).refusal();
    static final ApproveAllocation APPROVE = new ApproveAllocation(ALLOCATION, "1234/2026", TODAY, null);
    static final AllocationApproved APPROVED = new AllocationApproved(ALLOCATION, "1234/2026", TODAY, null);

    AggregateTestFixture<Allocation> fixture;
    AllocationTest.RecordingStockDesk stockDesk;

    @BeforeEach
    void setUp() {
        List<Object> calls = new ArrayList<>();
        stockDesk = new AllocationTest.RecordingStockDesk(calls);
        fixture = fixtureFor(Allocation.class);
        fixture.registerInjectableResource(new FakeOrganisations().recipient(RECIPIENT).recipient(OTHER_RECIPIENT));
        fixture.registerInjectableResource(new AllocationTest.RecordingNeedDesk(calls));
        fixture.registerInjectableResource(stockDesk);
        fixture.registerInjectableResource(FixedClock.today());
    }

    // --- Rule ActorMustBelongToOrganisation on receipts

    static ConfirmAllocationReceipt confirm() {
        return new ConfirmAllocationReceipt(ALLOCATION, TODAY, List.of());
    }

    @Test
    void theRecipientConfirmsItsOwnReceipt() {
        fixture.given(proposed(), approved(), dispatched())
                .when(confirm(), recipientOf(RECIPIENT))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(onlyOne(AllocationReceiptConfirmed.class));
    }

    @Test
    void anotherRecipientIsAnsweredLikeForAnUnknownAllocation() {
        fixture.given(proposed(), approved(), dispatched())
                .when(confirm(), recipientOf(OTHER_RECIPIENT))
                .expectException(refused())
                .expectExceptionDetails(equalTo(NO_SUCH_ALLOCATION))
                .expectNoEvents();
        // also before dispatch: the allocation's state is none of their business
        fixture.given(proposed())
                .when(confirm(), recipientOf(OTHER_RECIPIENT))
                .expectExceptionDetails(equalTo(NO_SUCH_ALLOCATION))
                .expectNoEvents();
    }

    @Test
    void staffConfirmReceiptsForAnyRecipient() {
        fixture.given(proposed(), approved(), dispatched())
                .when(confirm(), officer())
                .expectEventsMatching(onlyOne(AllocationReceiptConfirmed.class));
    }

    // --- Rule ApproverMustNotBeProposer

    @Test
    void anotherDirectorApprovesAProposal() {
        fixture.given(List.of(by(director("director-1"), proposed())))
                .when(APPROVE, director("director-2"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(APPROVED);
    }

    @Test
    void theProposerCannotApproveTheirOwnProposal() {
        fixture.given(List.of(by(director("director-1"), proposed())))
                .when(APPROVE, director("director-1"))
                .expectException(refused())
                .expectExceptionDetails(refusal(Allocation.APPROVER_MUST_NOT_BE_PROPOSER, Refusal.Kind.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void theSystemApprovesWhatTheSystemProposed() {
        fixture.given(List.of(by(Actor.SYSTEM.toMetaData(), proposed())))
                .when(APPROVE)
                .expectEvents(APPROVED);
        fixture.given(proposed())
                .when(APPROVE, Actor.SYSTEM.toMetaData())
                .expectEvents(APPROVED);
    }

    @Test
    void aPersonMayApproveWhatTheSystemProposed() {
        fixture.given(List.of(by(Actor.SYSTEM.toMetaData(), proposed())))
                .when(APPROVE, director("director-1"))
                .expectEvents(APPROVED);
    }

    /** The proposer is recorded on the proposal itself, whatever else copies metadata onto events. */
    @Test
    void aProposalRecordsItsProposer() {
        stockDesk.reservation = reservedLots();
        fixture.givenNoPriorActivity()
                .when(propose(new ProposedLine(1, qty("40"), null), new ProposedLine(2, qty("20"), null)), officer())
                .expectEventsMatching(proposedBy(officer()));
    }

    /** Proposed through the aggregate itself, then approved by the same person: the recorded proposer counts. */
    @Test
    void theProposerRecordedByTheAggregateCannotApprove() {
        stockDesk.reservation = reservedLots();
        fixture.givenCommands(List.of(GenericCommandMessage.asCommandMessage(
                        propose(new ProposedLine(1, qty("40"), null), new ProposedLine(2, qty("20"), null)))
                        .andMetaData(director("director-1"))))
                .when(APPROVE, director("director-1"))
                .expectExceptionDetails(refusal(Allocation.APPROVER_MUST_NOT_BE_PROPOSER, Refusal.Kind.FORBIDDEN))
                .expectNoEvents();
    }

    static Matcher<List<EventMessage<?>>> onlyOne(Class<?> type) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return events.size() == 1 && type.isInstance(events.get(0).getPayload());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("exactly one ").appendText(type.getSimpleName());
            }
        };
    }

    static Matcher<List<EventMessage<?>>> proposedBy(Map<String, String> actor) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return events.size() == 1
                        && events.get(0).getPayload() instanceof gr.solidarity.ledger.messages.allocation.AllocationEvents.AllocationProposed
                        && actor.get(Actor.USER_ID).equals(events.get(0).getMetaData().get(Actor.USER_ID))
                        && actor.get(Actor.ROLE).equals(events.get(0).getMetaData().get(Actor.ROLE));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("one AllocationProposed recorded with actor ").appendValue(actor);
            }
        };
    }
}
