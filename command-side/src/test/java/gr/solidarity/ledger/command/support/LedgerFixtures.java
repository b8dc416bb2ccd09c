package gr.solidarity.ledger.command.support;

import gr.solidarity.ledger.command.common.LedgerCommandTargetResolver;
import org.axonframework.test.aggregate.AggregateTestFixture;

/** Aggregate fixtures wired like the application: commands routed by their target id. */
public final class LedgerFixtures {

    private LedgerFixtures() {
    }

    public static <T> AggregateTestFixture<T> fixtureFor(Class<T> aggregateType) {
        AggregateTestFixture<T> fixture = new AggregateTestFixture<>(aggregateType);
        fixture.registerCommandTargetResolver(new LedgerCommandTargetResolver());
        return fixture;
    }
}
