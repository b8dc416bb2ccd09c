package gr.solidarity.ledger.command.need;

import gr.solidarity.ledger.command.common.RefusalTranslatingInterceptor;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import gr.solidarity.ledger.command.support.FakeCatalogue;
import gr.solidarity.ledger.command.support.FakeOrganisations;
import gr.solidarity.ledger.command.support.FixedClock;
import gr.solidarity.ledger.messages.common.Refusal;
import gr.solidarity.ledger.messages.common.Refusal.FieldProblem;
import gr.solidarity.ledger.messages.need.NeedCommands.AmendNeedLine;
import gr.solidarity.ledger.messages.need.NeedCommands.CancelNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.NeedLineRequest;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedCancelled;
import gr.solidarity.ledger.messages.need.NeedEvents.NeedLineAmended;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static gr.solidarity.ledger.command.need.NeedTest.NEED;
import static gr.solidarity.ledger.command.need.NeedTest.NEEDED_BY;
import static gr.solidarity.ledger.command.need.NeedTest.RECIPIENT;
import static gr.solidarity.ledger.command.need.NeedTest.declare;
import static gr.solidarity.ledger.command.need.NeedTest.needDeclared;
import static gr.solidarity.ledger.command.need.NeedTest.qty;
import static gr.solidarity.ledger.command.support.Actors.donorOf;
import static gr.solidarity.ledger.command.support.Actors.officer;
import static gr.solidarity.ledger.command.support.Actors.recipientOf;
import static gr.solidarity.ledger.command.support.LedgerFixtures.fixtureFor;
import static gr.solidarity.ledger.command.support.Refusals.refused;
import static gr.solidarity.ledger.messages.catalogue.UnitOfMeasure.KG;
import static gr.solidarity.ledger.messages.catalogue.UnitOfMeasure.PACK;
import static gr.solidarity.ledger.messages.need.NeedPriority.URGENT;
import static org.hamcrest.Matchers.equalTo;

/** Rule ActorMustBelongToOrganisation on needs: a recipient user declares and changes only its own structure's needs. */
class NeedActingForTest {

    static final String OTHER_RECIPIENT = "5e1d0000-0000-4000-8000-0000000000a2";
    static final Map<String, String> OWN = recipientOf(RECIPIENT);
    static final Map<String, String> FOREIGN = recipientOf(OTHER_RECIPIENT);
    static final Refusal NO_SUCH_NEED = RefusalTranslatingInterceptor.noSuchRecord(NEED).refusal();
    static final NeedLineRequest RICE = new NeedLineRequest("RICE", qty("10"), URGENT, NEEDED_BY, 20);

    AggregateTestFixture<Need> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureFor(Need.class);
        fixture.registerInjectableResource(new FakeOrganisations().recipient(RECIPIENT).recipient(OTHER_RECIPIENT));
        fixture.registerInjectableResource(new FakeCatalogue().item("RICE", KG, false).item("MILK", PACK, true));
        fixture.registerInjectableResource(FixedClock.today());
    }

    static Refusal unknownRecipient(String recipientId) {
        String message = "no organisation " + recipientId;
        return new Refusal(OrganisationLookup.NOT_FOUND, Refusal.Kind.NOT_FOUND, message,
                List.of(new FieldProblem("recipientId", message)));
    }

    @Test
    void aRecipientUserDeclaresNeedsOfTheirOwnStructure() {
        fixture.givenNoPriorActivity()
                .when(declare(RICE), OWN)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anotherStructureIsAnsweredLikeAnUnknownOne() {
        fixture.givenNoPriorActivity()
                .when(declare(RICE), FOREIGN)
                .expectException(refused())
                .expectExceptionDetails(equalTo(unknownRecipient(RECIPIENT)))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(declare(RICE), donorOf(RECIPIENT + "-x"))
                .expectExceptionDetails(equalTo(unknownRecipient(RECIPIENT)))
                .expectNoEvents();
    }

    @Test
    void staffDeclareNeedsForAnyStructure() {
        fixture.givenNoPriorActivity()
                .when(declare(RICE), officer())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void amendsOnlyOwnNeeds() {
        var amend = new AmendNeedLine(NEED, 1, qty("90"), URGENT, NEEDED_BY, 100);
        var amended = new NeedLineAmended(NEED, 1, qty("90"), URGENT, NEEDED_BY, 100);
        fixture.given(needDeclared())
                .when(amend, OWN)
                .expectEvents(amended);
        fixture.given(needDeclared())
                .when(amend, FOREIGN)
                .expectException(refused())
                .expectExceptionDetails(equalTo(NO_SUCH_NEED))
                .expectNoEvents();
        fixture.given(needDeclared())
                .when(amend, officer())
                .expectEvents(amended);
    }

    @Test
    void cancelsOnlyOwnNeeds() {
        fixture.given(needDeclared())
                .when(new CancelNeed(NEED, "καλύφθηκε αλλιώς"), OWN)
                .expectEvents(new NeedCancelled(NEED, "καλύφθηκε αλλιώς"));
        fixture.given(needDeclared())
                .when(new CancelNeed(NEED, "καλύφθηκε αλλιώς"), FOREIGN)
                .expectExceptionDetails(equalTo(NO_SUCH_NEED))
                .expectNoEvents();
        fixture.given(needDeclared())
                .when(new CancelNeed(NEED, "καλύφθηκε αλλιώς"), officer())
                .expectEvents(new NeedCancelled(NEED, "καλύφθηκε αλλιώς"));
    }

    @Test
    void aCancelledNeedOfAnotherStructureIsStillNotFound() {
        fixture.given(needDeclared(), new NeedCancelled(NEED, "λόγος"))
                .when(new CancelNeed(NEED, "ξανά"), FOREIGN)
                .expectExceptionDetails(equalTo(NO_SUCH_NEED))
                .expectNoEvents();
    }
}
