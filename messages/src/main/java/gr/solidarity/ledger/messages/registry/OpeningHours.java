package gr.solidarity.ledger.messages.registry;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * When a structure is open: periods in a usual week (a day may have several, e.g. morning and evening) and dated
 * closures (holidays, works), each from one day to another, both included. Times are local to Greece.
 */
public record OpeningHours(List<WeeklyPeriod> weekly, List<Closure> closures) {

    /** The hours are Greek wall-clock times, whatever zone the process runs in. */
    public static final ZoneId GREECE = ZoneId.of("Europe/Athens");

    public OpeningHours {
        weekly = weekly == null ? List.of() : List.copyOf(weekly);
        closures = closures == null ? List.of() : List.copyOf(closures);
    }

    public static OpeningHours none() {
        return new OpeningHours(List.of(), List.of());
    }

    /**
     * Whether the structure is open at {@code instant}, read on the clock in Greece (so summer time is Greek summer
     * time): within a weekly period of that day, and that day inside no closure. Without weekly periods nothing is
     * known, and nothing counts as open. A period that closes at or before it opens runs past midnight into the next
     * day; the registry's rules refuse such periods today, but hours read from elsewhere may carry them.
     */
    public boolean openAt(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, GREECE);
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        for (Closure closure : closures) {
            if (closure != null && closure.from() != null && closure.to() != null
                    && !day.isBefore(closure.from()) && !day.isAfter(closure.to())) {
                return false;
            }
        }
        DayOfWeek today = day.getDayOfWeek();
        for (WeeklyPeriod period : weekly) {
            if (period == null || period.day() == null || period.opens() == null || period.closes() == null) {
                continue;
            }
            boolean overMidnight = !period.opens().isBefore(period.closes());
            if (!overMidnight) {
                if (period.day() == today && !time.isBefore(period.opens()) && time.isBefore(period.closes())) {
                    return true;
                }
            } else if ((period.day() == today && !time.isBefore(period.opens()))
                    || (period.day().plus(1) == today && time.isBefore(period.closes()))) {
                return true;
            }
        }
        return false;
    }

    /** Open on {@code day} from {@code opens} until {@code closes}, on the same day. */
    public record WeeklyPeriod(DayOfWeek day, LocalTime opens, LocalTime closes) {
    }

    /** Closed from {@code from} to {@code to}, both days included. */
    public record Closure(LocalDate from, LocalDate to, String reason) {
    }
}
