package gr.solidarity.ledger.app.web;

import gr.solidarity.ledger.command.web.StoresUnavailable;
import gr.solidarity.ledger.query.web.QueryProblemHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * When Axon Server, the event store or MongoDB is out of reach, every request that needs them fails, signing in
 * included. Such a failure is answered 503 as a problem document with a code and {@code Retry-After}, not 500 with
 * the framework's default body: the request was fine, and the same request may succeed in a moment. Runs before
 * Spring's default error handler; anything else is left to it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnavailableStoresHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(UnavailableStoresHandler.class);

    private final JsonMapper json;
    private final Duration retryAfter;

    UnavailableStoresHandler(JsonMapper json, @Value("${ledger.unavailable.retry-after:5s}") Duration retryAfter) {
        this.json = json;
        this.retryAfter = retryAfter;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (!StoresUnavailable.isUnavailable(failure) || response.isCommitted()) {
            return Mono.error(failure);
        }
        log.warn("{} {} answered 503: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                failure.toString());
        ProblemDetail problem = QueryProblemHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, StoresUnavailable.CODE,
                "the ledger cannot reach its stores right now; repeat the request shortly", List.of());
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        byte[] body = json.writeValueAsBytes(problem);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
