package gr.solidarity.ledger.query.web;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Report periods: months as yyyy-MM, both ends inclusive and optional. */
public final class Months {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM");

    private Months() {
    }

    /** Rule: a month is written yyyy-MM; blank means unbounded. Answers the month normalised, or null. */
    public static String parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return FORMAT.format(YearMonth.parse(value.trim(), FORMAT));
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(field, field + " must be a month written yyyy-MM");
        }
    }

    /** Rule: a period does not end before it starts. */
    public static void requireOrdered(String from, String to) {
        if (from != null && to != null && from.compareTo(to) > 0) {
            throw new InvalidQueryException("from", "from must not be after to");
        }
    }
}
