package gr.solidarity.ledger.messages.registry;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * When a structure is open: periods in a usual week (a day may have several, e.g. morning and evening) and dated
 * closures (holidays, works), each from one day to another, both included. Times are local to Greece.
 */
public record OpeningHours(List<WeeklyPeriod> weekly, List<Closure> closures) {

    public OpeningHours {
        weekly = weekly == null ? List.of() : List.copyOf(weekly);
        closures = closures == null ? List.of() : List.copyOf(closures);
    }

    public static OpeningHours none() {
        return new OpeningHours(List.of(), List.of());
    }

    /** Open on {@code day} from {@code opens} until {@code closes}, on the same day. */
    public record WeeklyPeriod(DayOfWeek day, LocalTime opens, LocalTime closes) {
    }

    /** Closed from {@code from} to {@code to}, both days included. */
    public record Closure(LocalDate from, LocalDate to, String reason) {
    }
}
