package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.messages.identity.AccountQueries.FindUserCredentials;
import gr.solidarity.ledger.messages.identity.AccountQueries.UserCredentials;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Locale;

/**
 * Local accounts, read through the query bus so a process without the query role still finds them (over Axon
 * Server). Axon's local query bus answers on the calling thread, hence the bounded-elastic scheduler.
 */
final class LocalAccounts implements ReactiveUserDetailsService {

    private final QueryGateway queries;

    LocalAccounts(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public Mono<UserDetails> findByUsername(String username) {
        return credentials(username).map(LedgerUser::new);
    }

    Mono<UserCredentials> credentials(String username) {
        if (username == null || username.isBlank()) {
            return Mono.empty();
        }
        String normalised = username.trim().toLowerCase(Locale.ROOT);
        return Mono.fromFuture(() -> queries.query(new FindUserCredentials(normalised),
                        ResponseTypes.optionalInstanceOf(UserCredentials.class)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty);
    }
}
