package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.messages.identity.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;

/** Access tokens for API clients of local accounts; sign in with HTTP Basic once, then send the token. */
@RestController
@ConditionalOnProperty(name = "ledger.security.identity", havingValue = "local", matchIfMissing = true)
@Tag(name = "Sign-in", description = "Σύνδεση: access tokens for API clients")
class TokenController {

    private final LocalTokens tokens;

    TokenController(LocalTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/api/auth/token")
    @Operation(summary = "Issue a bearer token for the signed-in local account (send HTTP Basic credentials)")
    Mono<ResponseEntity<Map<String, Object>>> token() {
        return Mono.deferContextual(context -> Mono.justOrEmpty(context.<Actor>getOrEmpty(Actor.class)))
                .publishOn(Schedulers.boundedElastic())
                .map(actor -> tokens.issue(actor.userId()))
                .map(issued -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.<String, Object>of(
                        "access_token", issued.accessToken(),
                        "token_type", "Bearer",
                        "expires_in", issued.expiresInSeconds())));
    }
}
