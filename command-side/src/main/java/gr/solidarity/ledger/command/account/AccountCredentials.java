package gr.solidarity.ledger.command.account;

import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.identity.AccountQueries.FindUserCredentials;
import gr.solidarity.ledger.messages.identity.AccountQueries.UserCredentials;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Answers sign-in lookups from the account aggregate itself rather than from a view: a view may be a moment behind (a
 * new account could not sign in yet, a disabled one still could) or be rebuilding (nobody could sign in). Loading an
 * account reads its few events; nothing is written, so the unit of work is rolled back.
 */
@Component
class AccountCredentials {

    private final Repository<UserAccount> accounts;
    private final EventStore events;

    AccountCredentials(Repository<UserAccount> accounts, EventStore events) {
        this.accounts = accounts;
        this.events = events;
    }

    @QueryHandler
    Optional<UserCredentials> handle(FindUserCredentials query) {
        if (query.username() == null || !UserAccount.USERNAME.matcher(query.username()).matches()
                || Actor.isReservedUserId(query.username())) {
            return Optional.empty();
        }
        // anyone may try any name: an unknown one is answered quietly, not by a failed load that logs a warning
        if (events.lastSequenceNumberFor(query.username()).isEmpty()) {
            return Optional.empty();
        }
        UnitOfWork<?> reading = DefaultUnitOfWork.startAndGet(null);
        try {
            return Optional.of(accounts.load(query.username()).invoke(UserAccount::credentials));
        } catch (AggregateNotFoundException unknown) {
            return Optional.empty();
        } finally {
            reading.rollback();
        }
    }
}
