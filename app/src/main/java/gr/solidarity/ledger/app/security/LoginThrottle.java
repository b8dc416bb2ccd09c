package gr.solidarity.ledger.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed sign-ins per user name and client address: after {@code maxFailures} failures within the window,
 * further attempts from that address for that name are refused without checking the password until the oldest
 * failure leaves the window. Keyed by both, so someone guessing from one address cannot lock the real user out from
 * theirs. Kept in memory: a restart forgets it, which costs an attacker a restart they cannot cause.
 */
final class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** @return how long until another attempt is allowed; zero when it is allowed now */
    Duration retryAfter(String username, String client) {
        Deque<Instant> recent = failures.get(key(username, client));
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            Instant now = clock.instant();
            forgetOld(recent, now);
            if (recent.size() < maxFailures) {
                return Duration.ZERO;
            }
            Duration wait = Duration.between(now, recent.peekFirst().plus(window));
            return wait.isNegative() ? Duration.ZERO : wait;
        }
    }

    void failed(String username, String client) {
        if (failures.size() >= MAX_TRACKED) {
            failures.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    forgetOld(entry.getValue(), clock.instant());
                    return entry.getValue().isEmpty();
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(key(username, client), key -> new ArrayDeque<>());
        synchronized (recent) {
            Instant now = clock.instant();
            forgetOld(recent, now);
            recent.addLast(now);
        }
    }

    void succeeded(String username, String client) {
        failures.remove(key(username, client));
    }

    private void forgetOld(Deque<Instant> recent, Instant now) {
        Instant horizon = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
            recent.removeFirst();
        }
    }

    private static String key(String username, String client) {
        return (username == null ? "" : username.trim().toLowerCase(Locale.ROOT)) + "\u0000" + client;
    }
}
