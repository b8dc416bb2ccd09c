package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.messages.identity.Actor;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the signed-in actor into the Reactor context under {@code Actor.class}, where the command and query layers
 * find it without knowing how the user signed in. Runs inside the security filter chain's result, after it.
 */
final class SignedInActor implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .flatMap(authentication -> Mono.justOrEmpty(actorOf(authentication)))
                .map(actor -> chain.filter(exchange).contextWrite(context -> context.put(Actor.class, actor)))
                .defaultIfEmpty(Mono.defer(() -> chain.filter(exchange)))
                .flatMap(filtered -> filtered);
    }

    static Actor actorOf(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        if (authentication instanceof ActorPrincipal principal) {
            return principal.actor();
        }
        if (authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return principal.actor();
        }
        return null;
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
