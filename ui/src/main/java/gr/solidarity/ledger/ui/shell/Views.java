package gr.solidarity.ledger.ui.shell;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/** The read models, asked through Axon's query gateway. */
@Component
public class Views {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);

    private final QueryGateway queries;

    public Views(QueryGateway queries) {
        this.queries = queries;
    }

    public <R> Mono<R> one(Object query, Class<R> type) {
        return Mono.fromFuture(() -> queries.query(query, ResponseTypes.instanceOf(type)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    public <R> Mono<R> optional(Object query, Class<R> type) {
        return Mono.fromFuture(() -> queries.query(query, ResponseTypes.optionalInstanceOf(type)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty);
    }

    public <R> Mono<java.util.List<R>> list(Object query, Class<R> type) {
        return Mono.fromFuture(() -> queries.query(query, ResponseTypes.multipleInstancesOf(type)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * The answer once it shows what a command just did: a view is updated a moment after the command, and a page
     * that answers a form must show the change it reports.
     */
    public <R> Mono<R> once(Object query, Class<R> type, Predicate<R> done) {
        return optional(query, type).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(answer -> answer.filter(done).map(Mono::just).orElseGet(Mono::empty))
                .repeatWhenEmpty(attempts -> attempts.delayElements(POLL))
                .timeout(PATIENCE, optional(query, type));
    }

    public QueryGateway gateway() {
        return queries;
    }
}
