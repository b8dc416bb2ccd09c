package gr.solidarity.ledger.command.common;

/** Rule TextMustBePresentAndBounded for free text in commands. */
public final class Texts {

    public static final String INVALID_TEXT = "TEXT_REQUIRED_OR_TOO_LONG";

    private Texts() {
    }

    public static String require(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw CommandRefusedException.invalid(INVALID_TEXT, field, field + " is required");
        }
        return optional(field, value, maxLength);
    }

    public static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw CommandRefusedException.invalid(INVALID_TEXT, field, field + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }
}
