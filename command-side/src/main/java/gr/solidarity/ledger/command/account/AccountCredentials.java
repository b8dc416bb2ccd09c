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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers sign-in lookups from the account aggregate itself rather than from a view: a view may be a moment behind (a
 * new account could not sign in yet, a disabled one still could) or be rebuilding (nobody could sign in). Loading an
 * account reads its few events; nothing is written, so the unit of work is rolled back.
 * <p>
 * Every bearer request asks, so the answer is kept with the account's sequence number when it was read: the store is
 * asked only for the account's last sequence number, and the account is loaded again only when that has moved. Any
 * change to an account (disabling, a new role, a new password) is an event, so it takes effect on the next request.
 */
@Component
class AccountCredentials {

    private static final int REMEMBERED_ACCOUNTS = 10_000;

    private final Repository<UserAccount> accounts;
    private final EventStore events;
    private final Map<String, Read> lastRead = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Read> eldest) {
                    return size() > REMEMBERED_ACCOUNTS;
                }
            });

    private record Read(long sequenceNumber, UserCredentials credentials) {
    }

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
        Optional<Long> last = events.lastSequenceNumberFor(query.username());
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Read known = lastRead.get(query.username());
        if (known != null && known.sequenceNumber() == last.get()) {
            return Optional.of(known.credentials());
        }
        UnitOfWork<?> reading = DefaultUnitOfWork.startAndGet(null);
        try {
            var account = accounts.load(query.username());
            UserCredentials credentials = account.invoke(UserAccount::credentials);
            if (account.version() != null) {
                lastRead.put(query.username(), new Read(account.version(), credentials));
            }
            return Optional.of(credentials);
        } catch (AggregateNotFoundException unknown) {
            return Optional.empty();
        } finally {
            reading.rollback();
        }
    }
}
