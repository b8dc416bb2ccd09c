package gr.solidarity.ledger.query.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Bad filters and unknown records as RFC 9457 problem+json with a stable {@code code} and the offending fields. */
@RestControllerAdvice(basePackages = "gr.solidarity.ledger.query")
public class QueryProblemHandler extends ResponseEntityExceptionHandler {

    static final String TYPE_BASE = "https://solidarity-ledger.example/problems/";

    @ExceptionHandler(InvalidQueryException.class)
    ProblemDetail invalid(InvalidQueryException exception) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID_QUERY", exception.getMessage(),
                List.of(Map.of("field", exception.field(), "message", exception.getMessage())));
    }

    @ExceptionHandler(OrganisationScope.NotVisibleException.class)
    Mono<ResponseEntity<ProblemDetail>> notVisible(OrganisationScope.NotVisibleException exception) {
        return Mono.just(ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such record", List.of())));
    }

    @ExceptionHandler(ViewNotUpToDateException.class)
    ResponseEntity<ProblemDetail> notYet(ViewNotUpToDateException exception) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "VIEW_NOT_UP_TO_DATE", exception.getMessage(), List.of()));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                                  ServerWebExchange exchange) {
        List<Map<String, String>> fields = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                fields.add(Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage())))));
        return Mono.just(ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "INVALID_QUERY", "the query has invalid parameters", fields)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex, HttpHeaders headers,
                                                                         HttpStatusCode status, ServerWebExchange exchange) {
        String parameter = ex.getMethodParameter() == null ? null : ex.getMethodParameter().getParameterName();
        String detail = ex.getReason() == null ? "the request could not be read" : ex.getReason();
        List<Map<String, String>> fields = parameter == null ? List.of() : List.of(Map.of("field", parameter, "message", detail));
        return Mono.just(ResponseEntity.badRequest()
                .body(problem(HttpStatus.BAD_REQUEST, "INVALID_QUERY", detail, fields)));
    }

    /** Problems the web framework answers itself (wrong method, media type, missing value) get a code as well. */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                                   HttpStatusCode status, ServerWebExchange exchange) {
        return super.handleExceptionInternal(ex, body, headers, status, exchange).map(answer -> {
            if (answer.getBody() instanceof ProblemDetail problem
                    && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
                String code = switch (answer.getStatusCode().value()) {
                    case 404 -> "NOT_FOUND";
                    case 405 -> "METHOD_NOT_ALLOWED";
                    case 406 -> "NOT_ACCEPTABLE";
                    case 413 -> "REQUEST_TOO_LARGE";
                    case 415 -> "UNSUPPORTED_MEDIA_TYPE";
                    default -> "INVALID_QUERY";
                };
                problem.setProperty("code", code);
                problem.setType(URI.create(TYPE_BASE + code.toLowerCase().replace('_', '-')));
            }
            return answer;
        });
    }

    public static ProblemDetail problem(HttpStatus status, String code, String detail, List<Map<String, String>> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase().replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields);
        }
        return problem;
    }
}
