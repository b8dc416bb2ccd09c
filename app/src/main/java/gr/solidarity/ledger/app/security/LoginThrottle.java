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
 * Limits failed sign-ins. Per user name and client address: after {@code maxFailures} failures within the window,
 * further attempts from that address for that name are refused without checking the password until the oldest
 * failure leaves the window; keyed by both, so someone guessing from one address cannot lock the real user out from
 * theirs. Per client address, whatever the names: a looser limit, so trying many names from one address is limited
 * too; a successful sign-in does not reset it, or an attacker could reset it with an account of their own. Kept in
 * memory: a restart forgets it, which costs an attacker a restart they cannot cause.
 */
final class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final Failures perName;
    private final Failures perAddress;

    LoginThrottle(int maxFailures, int maxFailuresPerAddress, Duration window, Clock clock) {
        this.perName = new Failures(maxFailures, window, clock);
        this.perAddress = new Failures(maxFailuresPerAddress, window, clock);
    }

    /** @return how long until another attempt is allowed; zero when it is allowed now */
    Duration retryAfter(String username, String client) {
        Duration forName = perName.retryAfter(key(username, client));
        Duration forAddress = perAddress.retryAfter(client);
        return forName.compareTo(forAddress) >= 0 ? forName : forAddress;
    }

    void failed(String username, String client) {
        perName.record(key(username, client));
        perAddress.record(client);
    }

    void succeeded(String username, String client) {
        perName.forget(key(username, client));
    }

    private static String key(String username, String client) {
        return (username == null ? "" : username.trim().toLowerCase(Locale.ROOT)) + "\u0000" + client;
    }

    /** Recent failure times per key, within a sliding window. */
    private static final class Failures {

        private final int max;
        private final Duration window;
        private final Clock clock;
        private final Map<String, Deque<Instant>> byKey = new ConcurrentHashMap<>();

        Failures(int max, Duration window, Clock clock) {
            this.max = max;
            this.window = window;
            this.clock = clock;
        }

        Duration retryAfter(String key) {
            Deque<Instant> recent = byKey.get(key);
            if (recent == null) {
                return Duration.ZERO;
            }
            synchronized (recent) {
                Instant now = clock.instant();
                forgetOld(recent, now);
                if (recent.size() < max) {
                    return Duration.ZERO;
                }
                Duration wait = Duration.between(now, recent.peekFirst().plus(window));
                return wait.isNegative() ? Duration.ZERO : wait;
            }
        }

        void record(String key) {
            if (byKey.size() >= MAX_TRACKED) {
                byKey.entrySet().removeIf(entry -> {
                    synchronized (entry.getValue()) {
                        forgetOld(entry.getValue(), clock.instant());
                        return entry.getValue().isEmpty();
                    }
                });
            }
            Deque<Instant> recent = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (recent) {
                Instant now = clock.instant();
                forgetOld(recent, now);
                recent.addLast(now);
            }
        }

        void forget(String key) {
            byKey.remove(key);
        }

        private void forgetOld(Deque<Instant> recent, Instant now) {
            Instant horizon = now.minus(window);
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
                recent.removeFirst();
            }
        }
    }
}
