package gr.solidarity.ledger.ui.shell;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates and quantities as people in Greece write them: 31/12/2026, 14:05 and 1.234,5 (Greek) or 1,234.5 (English
 * pages keep the day-first date).
 */
public final class Formats {

    public static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Locale locale;

    public Formats(Locale locale) {
        this.locale = locale;
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ATHENS));
    }

    /** A month as people write it (12/2026); what is not a month (2026-12) is left as it is. */
    public String month(String isoMonth) {
        if (isoMonth == null || !isoMonth.matches("\\d{4}-\\d{2}")) {
            return isoMonth == null ? "" : isoMonth;
        }
        return isoMonth.substring(5) + "/" + isoMonth.substring(0, 4);
    }

    /** For date inputs, which take ISO dates whatever the language. */
    public String iso(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    public String number(BigDecimal number) {
        if (number == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(
                "en".equals(locale.getLanguage()) ? Locale.UK : Locale.forLanguageTag("el-GR")));
        return format.format(number);
    }

    public String number(long number) {
        return number(BigDecimal.valueOf(number));
    }

    /** A quantity as typed into a form: plain digits, the decimal separator a point, so it reads back unchanged. */
    public String plain(BigDecimal number) {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }

    public String language() {
        return locale.getLanguage();
    }

    public boolean english() {
        return "en".equals(locale.getLanguage());
    }

    /** A name in the page's language, the Greek one when there is no English one. */
    public String name(String greek, String english) {
        return english() && english != null && !english.isBlank() ? english : greek;
    }
}
