package gr.solidarity.ledger.command.pledge;

import gr.solidarity.ledger.command.common.RefusalTranslatingInterceptor;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import gr.solidarity.ledger.command.support.FakeCatalogue;
import gr.solidarity.ledger.command.support.FakeOrganisations;
import gr.solidarity.ledger.command.support.FixedClock;
import gr.solidarity.ledger.messages.common.Refusal;
import gr.solidarity.ledger.messages.common.Refusal.FieldProblem;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.AmendPledgeLine;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.PledgeLineRequest;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.WithdrawPledge;
import gr.solidarity.ledger.messages.pledge.PledgeCommands.WithdrawPledgeLine;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLineAmended;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeLineWithdrawn;
import gr.solidarity.ledger.messages.pledge.PledgeEvents.PledgeWithdrawn;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static gr.solidarity.ledger.command.pledge.PledgeTest.DELIVERY;
import static gr.solidarity.ledger.command.pledge.PledgeTest.DONOR;
import static gr.solidarity.ledger.command.pledge.PledgeTest.PLEDGE;
import static gr.solidarity.ledger.command.pledge.PledgeTest.make;
import static gr.solidarity.ledger.command.pledge.PledgeTest.pledgeMade;
import static gr.solidarity.ledger.command.pledge.PledgeTest.qty;
import static gr.solidarity.ledger.command.support.Actors.donorOf;
import static gr.solidarity.ledger.command.support.Actors.officer;
import static gr.solidarity.ledger.command.support.Actors.recipientOf;
import static gr.solidarity.ledger.command.support.LedgerFixtures.fixtureFor;
import static gr.solidarity.ledger.command.support.Refusals.refused;
import static gr.solidarity.ledger.messages.catalogue.UnitOfMeasure.KG;
import static gr.solidarity.ledger.messages.catalogue.UnitOfMeasure.PACK;
import static org.hamcrest.Matchers.equalTo;

/** Rule ActorMustBelongToOrganisation on pledges: a donor user sees and changes only its own company's pledges. */
class PledgeActingForTest {

    static final String OTHER_DONOR = "7a1b2c3d-0000-4000-8000-0000000000d2";
    static final Map<String, String> OWN = donorOf(DONOR);
    static final Map<String, String> FOREIGN = donorOf(OTHER_DONOR);
    static final Refusal NO_SUCH_PLEDGE = RefusalTranslatingInterceptor.noSuchRecord(PLEDGE).refusal();

    AggregateTestFixture<Pledge> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureFor(Pledge.class);
        fixture.registerInjectableResource(new FakeOrganisations().donor(DONOR).donor(OTHER_DONOR));
        fixture.registerInjectableResource(new FakeCatalogue().item("RICE", KG, false).item("PASTA", PACK, false));
        fixture.registerInjectableResource(FixedClock.today());
    }

    static Refusal unknownDonor(String donorId) {
        String message = "no organisation " + donorId;
        return new Refusal(OrganisationLookup.NOT_FOUND, Refusal.Kind.NOT_FOUND, message,
                List.of(new FieldProblem("donorId", message)));
    }

    @Test
    void aDonorUserPledgesForTheirOwnCompany() {
        fixture.givenNoPriorActivity()
                .when(make(new PledgeLineRequest("RICE", qty("10"), DELIVERY, null)), OWN)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anotherCompanyIsAnsweredLikeAnUnknownOne() {
        fixture.givenNoPriorActivity()
                .when(make(new PledgeLineRequest("RICE", qty("10"), DELIVERY, null)), FOREIGN)
                .expectException(refused())
                .expectExceptionDetails(equalTo(unknownDonor(DONOR)))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(make(new PledgeLineRequest("RICE", qty("10"), DELIVERY, null)), recipientOf(DONOR + "-x"))
                .expectExceptionDetails(equalTo(unknownDonor(DONOR)))
                .expectNoEvents();
    }

    @Test
    void staffPledgeForAnyCompany() {
        fixture.givenNoPriorActivity()
                .when(make(new PledgeLineRequest("RICE", qty("10"), DELIVERY, null)), officer())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void amendsOnlyOwnPledges() {
        fixture.given(pledgeMade())
                .when(new AmendPledgeLine(PLEDGE, 1, qty("400"), DELIVERY, null), OWN)
                .expectEvents(new PledgeLineAmended(PLEDGE, 1, qty("400"), DELIVERY, null));
        fixture.given(pledgeMade())
                .when(new AmendPledgeLine(PLEDGE, 1, qty("400"), DELIVERY, null), FOREIGN)
                .expectException(refused())
                .expectExceptionDetails(equalTo(NO_SUCH_PLEDGE))
                .expectNoEvents();
        fixture.given(pledgeMade())
                .when(new AmendPledgeLine(PLEDGE, 1, qty("400"), DELIVERY, null), officer())
                .expectEvents(new PledgeLineAmended(PLEDGE, 1, qty("400"), DELIVERY, null));
    }

    @Test
    void withdrawsOnlyLinesOfOwnPledges() {
        fixture.given(pledgeMade())
                .when(new WithdrawPledgeLine(PLEDGE, 2, "δεν υπάρχει"), OWN)
                .expectEvents(new PledgeLineWithdrawn(PLEDGE, 2, "δεν υπάρχει"));
        fixture.given(pledgeMade())
                .when(new WithdrawPledgeLine(PLEDGE, 2, "δεν υπάρχει"), FOREIGN)
                .expectExceptionDetails(equalTo(NO_SUCH_PLEDGE))
                .expectNoEvents();
        fixture.given(pledgeMade())
                .when(new WithdrawPledgeLine(PLEDGE, 2, "δεν υπάρχει"), officer())
                .expectEvents(new PledgeLineWithdrawn(PLEDGE, 2, "δεν υπάρχει"));
    }

    @Test
    void withdrawsOnlyOwnPledges() {
        fixture.given(pledgeMade())
                .when(new WithdrawPledge(PLEDGE, "άλλαξαν τα σχέδια"), OWN)
                .expectEvents(new PledgeWithdrawn(PLEDGE, "άλλαξαν τα σχέδια"));
        fixture.given(pledgeMade())
                .when(new WithdrawPledge(PLEDGE, "άλλαξαν τα σχέδια"), FOREIGN)
                .expectExceptionDetails(equalTo(NO_SUCH_PLEDGE))
                .expectNoEvents();
        fixture.given(pledgeMade())
                .when(new WithdrawPledge(PLEDGE, "άλλαξαν τα σχέδια"), officer())
                .expectEvents(new PledgeWithdrawn(PLEDGE, "άλλαξαν τα σχέδια"));
    }

    /** A foreign donor learns nothing about the pledge's state either: the same answer for a closed one. */
    @Test
    void aWithdrawnPledgeOfAnotherCompanyIsStillNotFound() {
        fixture.given(pledgeMade(), new PledgeWithdrawn(PLEDGE, "λόγος"))
                .when(new WithdrawPledge(PLEDGE, "ξανά"), FOREIGN)
                .expectExceptionDetails(equalTo(NO_SUCH_PLEDGE))
                .expectNoEvents();
    }
}
