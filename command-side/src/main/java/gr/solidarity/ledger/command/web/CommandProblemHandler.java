package gr.solidarity.ledger.command.web;

import gr.solidarity.ledger.gateway.SignedInCommands;
import gr.solidarity.ledger.messages.common.Refusal;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Every refusal becomes RFC 9457 problem+json with a stable {@code code} and, where it concerns input fields,
 * {@code errors} listing each field and what is wrong with it.
 */
@RestControllerAdvice(basePackages = "gr.solidarity.ledger.command")
public class CommandProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandProblemHandler.class);
    static final String TYPE_BASE = "https://solidarity-ledger.example/problems/";

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> failed(CommandExecutionException exception) {
        if (StoresUnavailable.isUnavailable(exception)) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, StoresUnavailable.CODE,
                            "the ledger cannot reach its stores right now; repeat the request shortly", List.of()));
        }
        ProblemDetail problem = refused(exception);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    ProblemDetail refused(CommandExecutionException exception) {
        Refusal refusal = SignedInCommands.refusalOf(exception).orElse(null);
        if (refusal != null) {
            return problem(statusOf(refusal.kind()), refusal.code(), refusal.message(), refusal.fields());
        }
        if (LostRaces.isLostRace(exception)) {
            return concurrentModification();
        }
        log.error("command failed without a refusal", exception);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "COMMAND_FAILED", "the command could not be carried out", List.of());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException exception) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "no such record: " + exception.getAggregateIdentifier(), List.of());
    }

    /** A record whose identity the client chose (an item code) and that the event store already holds. */
    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail alreadyExists(AggregateStreamCreationException exception) {
        return problem(HttpStatus.CONFLICT, "ALREADY_EXISTS", "a record with this identifier already exists", List.of());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException exception) {
        return concurrentModification();
    }

    private static ProblemDetail concurrentModification() {
        return problem(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "the record was changed or created at the same time by another request; repeat with fresh data", List.of());
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          ServerWebExchange exchange) {
        List<Refusal.FieldProblem> fields = ex.getBindingResult().getFieldErrors().stream()
                .map(CommandProblemHandler::fieldProblem)
                .toList();
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "the request has invalid fields", fields);
        return Mono.just(ResponseEntity.badRequest().body(body));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         ServerWebExchange exchange) {
        String reason = ex.getReason() == null ? "the request could not be read" : ex.getReason();
        // a value of the wrong kind, or none where a number must be: name the field, not the parser's internals
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
                String field = fieldPath(json.getPath());
                String message = "must be a value of the right kind (a number, text, true/false, a date or a list, "
                        + "as documented), and present where required";
                return Mono.just(ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT",
                        "the request has invalid fields", List.of(new Refusal.FieldProblem(field, message)))));
            }
        }
        Throwable cause = ex.getMostSpecificCause();
        String detail = cause != ex && cause.getMessage() != null ? reason + ": " + firstLine(cause.getMessage()) : reason;
        return Mono.just(ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", detail, List.of())));
    }

    /** Problems the web framework answers itself (too large, wrong media type, wrong method) get a code as well. */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                                   HttpStatusCode status, ServerWebExchange exchange) {
        return super.handleExceptionInternal(ex, body, headers, status, exchange)
                .map(answer -> ProblemCodes.withCode(answer, "MALFORMED_REQUEST"));
    }

    /** {@code lines[0].quantity}, as the field problems of validation name fields. */
    private static String fieldPath(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference step : path) {
            if (step.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static Refusal.FieldProblem fieldProblem(FieldError error) {
        return new Refusal.FieldProblem(error.getField(), error.getDefaultMessage());
    }

    static HttpStatus statusOf(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE_VIOLATED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }

    static ProblemDetail problem(HttpStatus status, String code, String detail, List<Refusal.FieldProblem> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase().replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields.stream()
                    .map(field -> Map.of("field", field.field(), "message", field.message()))
                    .toList());
        }
        return problem;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
