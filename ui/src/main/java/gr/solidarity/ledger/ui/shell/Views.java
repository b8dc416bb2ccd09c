package gr.solidarity.ledger.ui.shell;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
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

    /**
     * A list is asked for as an array, which its handler answers: over Axon Server an answer travels with the name of
     * the type it was asked as, and a {@code java.util.List} would come back as a list of maps.
     */
    @SuppressWarnings("unchecked")
    public <R> Mono<java.util.List<R>> list(Object query, Class<R> type) {
        Class<R[]> arrayType = (Class<R[]>) type.arrayType();
        return Mono.fromFuture(() -> queries.query(query, ResponseTypes.instanceOf(arrayType)))
                .subscribeOn(Schedulers.boundedElastic())
                .map(java.util.Arrays::asList);
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

    /**
     * Every answer of a streaming query, read as they are asked for. Asking for more may read the view, which blocks,
     * so it is done off the event loop.
     */
    public <R> Flux<R> stream(Object query, Class<R> type) {
        return Flux.defer(() -> Flux.from(queries.streamingQuery(query, type)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    public QueryGateway gateway() {
        return queries;
    }
}
