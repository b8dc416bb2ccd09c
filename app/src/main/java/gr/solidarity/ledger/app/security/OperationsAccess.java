package gr.solidarity.ledger.app.security;

import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;

/**
 * The actuator's own port, when the operator sets one apart ({@code management.server.port}): reachable only from
 * inside the deployment (Prometheus, the orchestrator), so what it serves needs no sign-in there.
 */
final class OperationsAccess {

    private OperationsAccess() {
    }

    static Mono<ServerWebExchangeMatcher.MatchResult> onManagementPort(ServerWebExchange exchange) {
        String configured = exchange.getApplicationContext() == null ? null
                : exchange.getApplicationContext().getEnvironment().getProperty("management.server.port");
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        if (configured == null || configured.isBlank() || local == null) {
            return ServerWebExchangeMatcher.MatchResult.notMatch();
        }
        int port;
        try {
            port = Integer.parseInt(configured.trim());
        } catch (NumberFormatException e) {
            return ServerWebExchangeMatcher.MatchResult.notMatch();
        }
        return port > 0 && local.getPort() == port && exchange.getRequest().getPath().value().startsWith("/actuator/")
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }
}
