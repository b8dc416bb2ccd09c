package gr.solidarity.ledger.messages.common;

import java.util.List;

/**
 * Why a command was refused, in a form that survives a distributed command bus: over the wire only the exception
 * message and this details object arrive, so the machine-readable code travels here.
 *
 * @param code    stable machine-readable error code, e.g. {@code STOCK_MUST_COVER_ALLOCATION}
 * @param kind    what sort of refusal it is; the HTTP layer maps it to a status
 * @param message human-readable explanation (English)
 * @param fields  field-level problems, empty when the refusal is not about a particular field
 */
public record Refusal(String code, Kind kind, String message, List<FieldProblem> fields) {

    public Refusal {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public Refusal(String code, Kind kind, String message) {
        this(code, kind, message, List.of());
    }

    public enum Kind {
        /** The input itself is malformed or out of bounds. */
        INVALID,
        /** Something the command refers to does not exist. */
        NOT_FOUND,
        /** The command contradicts the current state (already withdrawn, wrong lifecycle step, duplicate...). */
        CONFLICT,
        /** A business rule forbids it (not enough stock, expired lot, organisation not verified...). */
        RULE_VIOLATED,
        /** The one who asks may not do this, whoever the target (e.g. approving an allocation they proposed). */
        FORBIDDEN
    }

    /** A problem with one input field; {@code field} uses JSON-pointer-like dotted paths, e.g. {@code lines[0].quantity}. */
    public record FieldProblem(String field, String message) {
    }
}
