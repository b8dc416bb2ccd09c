package gr.solidarity.ledger.messages.registry;

import gr.solidarity.ledger.messages.registry.OpeningHours.Closure;
import gr.solidarity.ledger.messages.registry.OpeningHours.WeeklyPeriod;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpeningHoursTest {

    /** Monday and Wednesday mornings, Wednesday evening too. */
    static final OpeningHours GROCERY = new OpeningHours(List.of(
            new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(13, 30)),
            new WeeklyPeriod(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(13, 30)),
            new WeeklyPeriod(DayOfWeek.WEDNESDAY, LocalTime.of(17, 0), LocalTime.of(20, 0))), List.of());

    @Test
    void openWithinAWeeklyPeriodOnItsDayAndClosedOutsideIt() {
        // Monday 2 March 2026, winter time (UTC+2)
        assertThat(GROCERY.openAt(Instant.parse("2026-03-02T07:00:00Z"))).as("09:00 opens").isTrue();
        assertThat(GROCERY.openAt(Instant.parse("2026-03-02T11:29:59Z"))).as("13:29:59").isTrue();
        assertThat(GROCERY.openAt(Instant.parse("2026-03-02T11:30:00Z"))).as("13:30 closes").isFalse();
        assertThat(GROCERY.openAt(Instant.parse("2026-03-02T06:59:59Z"))).as("08:59:59").isFalse();
        // Tuesday, same time of day
        assertThat(GROCERY.openAt(Instant.parse("2026-03-03T08:00:00Z"))).isFalse();
        // Wednesday: between the two periods, then the evening one
        assertThat(GROCERY.openAt(Instant.parse("2026-03-04T13:00:00Z"))).as("15:00").isFalse();
        assertThat(GROCERY.openAt(Instant.parse("2026-03-04T16:00:00Z"))).as("18:00").isTrue();
    }

    @Test
    void theHoursAreReadOnTheClockInGreeceNotInUtc() {
        // 23:30 UTC on Sunday is 01:30 on Monday in Athens
        OpeningHours earlyMonday = new OpeningHours(List.of(
                new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(0, 0), LocalTime.of(2, 0))), List.of());
        assertThat(earlyMonday.openAt(Instant.parse("2026-03-01T23:30:00Z"))).isTrue();
        assertThat(earlyMonday.openAt(Instant.parse("2026-03-02T23:30:00Z"))).isFalse();
    }

    @Test
    void summerTimeMovesTheInstantsTheHoursStandFor() {
        OpeningHours sundays = new OpeningHours(List.of(
                new WeeklyPeriod(DayOfWeek.SUNDAY, LocalTime.of(9, 0), LocalTime.of(13, 0))), List.of());
        // Sunday 29 March 2026: clocks go from 03:00 to 04:00, Athens is UTC+3 from then on
        assertThat(sundays.openAt(Instant.parse("2026-03-29T06:30:00Z"))).as("09:30 summer time").isTrue();
        assertThat(sundays.openAt(Instant.parse("2026-03-29T09:59:00Z"))).as("12:59 summer time").isTrue();
        assertThat(sundays.openAt(Instant.parse("2026-03-29T10:30:00Z"))).as("13:30 summer time").isFalse();
        // a week earlier, winter time: the same instant of day is an hour earlier on the wall clock
        assertThat(sundays.openAt(Instant.parse("2026-03-22T06:30:00Z"))).as("08:30 winter time").isFalse();
        // Sunday 25 October 2026: back to UTC+2
        assertThat(sundays.openAt(Instant.parse("2026-10-25T06:30:00Z"))).as("08:30 winter time").isFalse();
        assertThat(sundays.openAt(Instant.parse("2026-10-25T10:30:00Z"))).as("12:30 winter time").isTrue();
        assertThat(sundays.openAt(Instant.parse("2026-10-18T10:30:00Z"))).as("13:30 summer time").isFalse();
    }

    @Test
    void aDatedClosureClosesEveryPeriodOfItsDaysBothEndsIncluded() {
        OpeningHours withHolidays = new OpeningHours(GROCERY.weekly(), List.of(
                new Closure(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4), "Works")));
        assertThat(withHolidays.openAt(Instant.parse("2026-03-02T08:00:00Z"))).as("first day").isFalse();
        assertThat(withHolidays.openAt(Instant.parse("2026-03-04T16:00:00Z"))).as("last day").isFalse();
        assertThat(withHolidays.openAt(Instant.parse("2026-03-09T08:00:00Z"))).as("the Monday after").isTrue();
        assertThat(withHolidays.openAt(Instant.parse("2026-02-23T08:00:00Z"))).as("the Monday before").isTrue();
    }

    @Test
    void aClosureIsReadOnTheDayInGreece() {
        OpeningHours closedOnTuesday = new OpeningHours(List.of(
                new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(20, 0), LocalTime.of(23, 59))),
                List.of(new Closure(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3), null)));
        // 21:00 UTC on Monday is 23:00 on Monday in Athens: open; the closure is Tuesday's
        assertThat(closedOnTuesday.openAt(Instant.parse("2026-03-02T21:00:00Z"))).isTrue();
    }

    @Test
    void aPeriodClosingAtOrBeforeItOpensRunsPastMidnight() {
        OpeningHours nightShelter = new OpeningHours(List.of(
                new WeeklyPeriod(DayOfWeek.SUNDAY, LocalTime.of(20, 0), LocalTime.of(8, 0))), List.of());
        assertThat(nightShelter.openAt(Instant.parse("2026-03-01T19:00:00Z"))).as("Sunday 21:00").isTrue();
        assertThat(nightShelter.openAt(Instant.parse("2026-03-02T05:00:00Z"))).as("Monday 07:00").isTrue();
        assertThat(nightShelter.openAt(Instant.parse("2026-03-02T06:00:00Z"))).as("Monday 08:00").isFalse();
        assertThat(nightShelter.openAt(Instant.parse("2026-03-01T05:00:00Z"))).as("Sunday 07:00").isFalse();
        assertThat(nightShelter.openAt(Instant.parse("2026-03-02T19:00:00Z"))).as("Monday 21:00").isFalse();
    }

    @Test
    void withoutWeeklyHoursNothingCountsAsOpen() {
        assertThat(OpeningHours.none().openAt(Instant.parse("2026-03-02T08:00:00Z"))).isFalse();
        assertThat(new OpeningHours(null, null).openAt(Instant.parse("2026-03-02T08:00:00Z"))).isFalse();
    }
}
