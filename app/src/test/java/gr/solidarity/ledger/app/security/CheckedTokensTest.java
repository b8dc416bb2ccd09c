package gr.solidarity.ledger.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckedTokensTest {

    static final Instant NOW = Instant.parse("2026-03-03T08:00:00Z");

    final LoginThrottleTest.MutableClock clock = new LoginThrottleTest.MutableClock(NOW);
    final List<String> decoded = new ArrayList<>();
    /** Stands for the signature check: counts what it is asked, and refuses tokens whose text starts with "bad". */
    final ReactiveJwtDecoder signatures = token -> {
        decoded.add(token);
        if (token.startsWith("bad")) {
            return Mono.error(new BadJwtException("signature does not match"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("maria")
                .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofHours(1))).build());
    };
    final CheckedTokens tokens = new CheckedTokens(signatures, expiry());

    @Test
    void aTokenSeenAgainIsNotCheckedAgain() {
        Jwt first = tokens.decode("token-a").block();
        Jwt again = tokens.decode("token-a").block();
        tokens.decode("token-b").block();

        assertThat(again).isSameAs(first);
        assertThat(decoded).containsExactly("token-a", "token-b");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        tokens.decode("token-a").block();
        clock.advance(Duration.ofHours(1).plusSeconds(1));

        assertThatThrownBy(() -> tokens.decode("token-a").block())
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(tokens.remembered()).as("forgotten once refused").isZero();
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.decode("bad-token").block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(decoded).containsExactly("bad-token", "bad-token");
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void theLeastRecentlyUsedTokenMakesRoomWhenTheLimitIsReached() {
        for (int i = 0; i <= CheckedTokens.REMEMBERED_TOKENS; i++) {
            tokens.decode("token-" + i).block();
        }
        assertThat(tokens.remembered()).isEqualTo(CheckedTokens.REMEMBERED_TOKENS);
        decoded.clear();
        tokens.decode("token-0").block();
        tokens.decode("token-" + CheckedTokens.REMEMBERED_TOKENS).block();
        assertThat(decoded).as("the oldest was pushed out, the newest kept").containsExactly("token-0");
    }

    private JwtTimestampValidator expiry() {
        JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
        validator.setClock(clock);
        return validator;
    }
}
