package gr.solidarity.ledger.ui.shell;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading what people type into forms. */
public final class Forms {

    private static final Pattern LINE = Pattern.compile("^lines\\[(\\d+)]");

    private Forms() {
    }

    /** A quantity typed the Greek way (1.234,5) or the international way (1234.5); null when it is not a number. */
    public static BigDecimal quantity(String typed) {
        String text = typed.strip().replace(" ", "");
        if (text.contains(",")) {
            text = text.replace(".", "").replace(',', '.');
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A date from a date input (ISO, whatever the page's language); null when empty or unreadable. */
    public static LocalDate date(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * A command names its lines by their place in the command, the form by their place on the page, and a form's
     * empty lines are not sent.
     *
     * @param formIndexes the place on the page of each line sent, in the order sent
     */
    public static String renumbered(String field, List<Integer> formIndexes) {
        Matcher line = LINE.matcher(field);
        if (line.find()) {
            int sent = Integer.parseInt(line.group(1));
            if (sent < formIndexes.size()) {
                return "lines[" + formIndexes.get(sent) + "]" + field.substring(line.end());
            }
        }
        return field;
    }
}
