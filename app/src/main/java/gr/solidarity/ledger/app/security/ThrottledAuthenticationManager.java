package gr.solidarity.ledger.app.security;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import reactor.core.publisher.Mono;

import java.time.Duration;

/** Password sign-ins (form and Basic) through the {@link LoginThrottle}. */
final class ThrottledAuthenticationManager implements ReactiveAuthenticationManager {

    private final ReactiveAuthenticationManager passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationManager(ReactiveAuthenticationManager passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication attempt) {
        if (!(attempt instanceof UsernamePasswordAuthenticationToken)) {
            return passwords.authenticate(attempt);
        }
        String username = attempt.getName();
        return Mono.deferContextual(context -> {
            String client = context.getOrDefault(RequestIds.CLIENT_ADDRESS, "unknown");
            Duration wait = throttle.retryAfter(username, client);
            if (!wait.isZero()) {
                return Mono.error(new TooManyFailedLogins(wait));
            }
            return passwords.authenticate(attempt)
                    .doOnNext(signedIn -> throttle.succeeded(username, client))
                    .doOnError(AuthenticationException.class, failed -> throttle.failed(username, client));
        });
    }

    /** Refused without checking the password: too many recent failures for this name from this address. */
    static final class TooManyFailedLogins extends AuthenticationException {

        private final Duration retryAfter;

        TooManyFailedLogins(Duration retryAfter) {
            super("Too many failed sign-ins; try again later");
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }
}
