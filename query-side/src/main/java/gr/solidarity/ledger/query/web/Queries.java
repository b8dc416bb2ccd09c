package gr.solidarity.ledger.query.web;

import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Arrays;
import java.util.List;

/**
 * Asks Axon queries from HTTP handlers. The local query bus runs handlers on the calling thread, and handlers read
 * MongoDB with the blocking driver, so every query leaves the Netty event loop first.
 */
@Component
public class Queries {

    private final QueryGateway queryGateway;
    private final ViewPositions positions;

    public Queries(QueryGateway queryGateway, ViewPositions positions) {
        this.queryGateway = queryGateway;
        this.positions = positions;
    }

    /** Answers the query once the view {@code processingGroup} reflects {@code minPosition} (if given). */
    public <R> Mono<R> ask(String processingGroup, Long minPosition, Long waitMillis, Object query,
                           ResponseType<R> responseType) {
        return positions.awaitAtLeast(processingGroup, minPosition, waitMillis)
                .then(Mono.defer(() -> Mono.fromFuture(queryGateway.query(query, responseType)))
                        .subscribeOn(Schedulers.boundedElastic()));
    }

    public <R> Mono<R> ask(String processingGroup, Long minPosition, Long waitMillis, Object query, Class<R> type) {
        return ask(processingGroup, minPosition, waitMillis, query, ResponseTypes.instanceOf(type));
    }

    public <R> Mono<List<R>> askList(String processingGroup, Long minPosition, Long waitMillis, Object query,
                                     Class<R> type) {
        return ask(processingGroup, minPosition, waitMillis, query, arrayOf(type)).map(Arrays::asList);
    }

    /**
     * How a list is asked for: as an array, which its handler must answer. Over Axon Server an answer travels with the
     * name of the type it was asked as; a {@code java.util.List} comes back as a list of maps, while an array keeps the
     * type of its elements.
     */
    @SuppressWarnings("unchecked")
    public static <R> ResponseType<R[]> arrayOf(Class<R> type) {
        return ResponseTypes.instanceOf((Class<R[]>) type.arrayType());
    }

    /**
     * A live view as Server-Sent Events: first the current answer ({@code snapshot}), then one {@code update} event for
     * every change the view's projection emits for this query.
     */
    public <I, U> Flux<ServerSentEvent<Object>> live(Object query, ResponseType<I> initialType, Class<U> updateType) {
        return Flux.defer(() -> {
                    SubscriptionQueryResult<I, U> result = queryGateway.subscriptionQuery(query, initialType,
                            ResponseTypes.instanceOf(updateType));
                    Flux<ServerSentEvent<Object>> initial = result.initialResult()
                            .map(answer -> ServerSentEvent.<Object>builder(answer).event("snapshot").build())
                            .flux();
                    Flux<ServerSentEvent<Object>> updates = result.updates()
                            .map(update -> ServerSentEvent.<Object>builder(update).event("update").build());
                    return Flux.concat(initial, updates).doFinally(signal -> result.close());
                })
                .subscribeOn(Schedulers.boundedElastic());
    }
}
