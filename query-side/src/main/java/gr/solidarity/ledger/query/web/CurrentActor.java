package gr.solidarity.ledger.query.web;

import gr.solidarity.ledger.messages.identity.Actor;
import reactor.core.publisher.Mono;

/**
 * The signed-in actor of the current request, put into the Reactor context by the web layer under {@code Actor.class}.
 * A request that reaches a query without one is a wiring mistake, and answering it as if nobody were asking could
 * leak another organisation's records, so it fails.
 */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Mono<Actor> get() {
        return Mono.deferContextual(context -> context.hasKey(Actor.class)
                ? Mono.just(context.get(Actor.class))
                : Mono.error(new IllegalStateException("No signed-in actor for this request")));
    }
}
