package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.messages.identity.Actor;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id: the caller's {@code X-Request-Id} when it is a sensible token, a new one
 * otherwise. It is echoed in the response, recorded with every command and event the request causes, and put in the
 * Reactor context together with the client's address (used to limit failed sign-ins; see {@link ClientAddresses}). Runs before security, so even a
 * refused request answers its id.
 */
final class RequestIds implements WebFilter, Ordered {

    static final String HEADER = "X-Request-Id";
    static final String CLIENT_ADDRESS = "clientAddress";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private final ClientAddresses clients;

    RequestIds(List<String> trustedProxies) {
        this.clients = new ClientAddresses(trustedProxies);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        String client = clients.of(exchange.getRequest());
        return chain.filter(exchange)
                .contextWrite(context -> context.put(Actor.REQUEST_ID, requestId).put(CLIENT_ADDRESS, client));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
