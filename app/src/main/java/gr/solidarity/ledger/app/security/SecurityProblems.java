package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.query.web.QueryProblemHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.List;

/**
 * API answers for requests security refuses, as RFC 9457 problem documents like every other refusal: 401 without
 * (valid) credentials, 403 when the role does not allow it, 429 after too many failed sign-ins. The 401 offers Bearer
 * only, so browsers never pop up a Basic dialog and never start sending remembered credentials on their own.
 */
final class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {


    private final JsonMapper json;

    SecurityProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        if (failure instanceof ThrottledAuthenticationManager.TooManyFailedLogins throttled) {
            long seconds = Math.max(1, throttled.retryAfter().toSeconds());
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            return write(exchange, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_FAILED_LOGINS",
                    "Too many failed sign-ins for this user from this address; try again in " + seconds + " s");
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return write(exchange, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                "Sign in first: a bearer token (POST /api/auth/token) or HTTP Basic credentials");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, org.springframework.security.access.AccessDeniedException denied) {
        return write(exchange, HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role does not allow this");
    }

    /** A change sent with the session cookie but without the session's CSRF token (header X-CSRF-TOKEN or _csrf). */
    Mono<Void> csrfRefused(ServerWebExchange exchange, org.springframework.security.access.AccessDeniedException denied) {
        return write(exchange, HttpStatus.FORBIDDEN, "CSRF_TOKEN_REQUIRED",
                "A change sent with the session cookie needs the session's CSRF token (header X-CSRF-TOKEN)");
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String detail) {
        ProblemDetail problem = QueryProblemHandler.problem(status, code, detail, List.of());
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(problem);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
