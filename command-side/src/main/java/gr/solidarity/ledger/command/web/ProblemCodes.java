package gr.solidarity.ledger.command.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/**
 * Stable codes for the problems the web framework raises before a handler runs, so that a client can act on every
 * refusal by its code, not by parsing prose.
 */
public final class ProblemCodes {

    private static final String TYPE_BASE = "https://solidarity-ledger.example/problems/";

    private ProblemCodes() {
    }

    public static String codeOf(int status, String otherwise) {
        return switch (status) {
            case 400 -> "MALFORMED_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "REQUEST_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> otherwise;
        };
    }

    /** The same answer, its problem document given a code (and a type naming it) when it has none. */
    public static ResponseEntity<Object> withCode(ResponseEntity<Object> answer, String otherwise) {
        if (answer.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            String code = codeOf(answer.getStatusCode().value(), otherwise);
            problem.setProperty("code", code);
            if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
                problem.setType(URI.create(TYPE_BASE + code.toLowerCase().replace('_', '-')));
            }
            if (answer.getStatusCode().value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                problem.setDetail("the request body is larger than the ledger accepts");
            }
        }
        return answer;
    }

}
