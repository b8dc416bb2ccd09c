package gr.solidarity.ledger.command.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Tests run on a known day in Athens. */
public final class FixedClock {

    public static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    public static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private FixedClock() {
    }

    public static Clock today() {
        return Clock.fixed(TODAY.atTime(10, 0).atZone(ATHENS).toInstant(), ATHENS);
    }
}
