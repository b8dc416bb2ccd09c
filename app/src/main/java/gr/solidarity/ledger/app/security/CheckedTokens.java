package gr.solidarity.ledger.app.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client sends the same bearer token with every request until it expires, and checking its RSA signature and
 * parsing its claims is the costliest step of a request's security. A token whose signature was found good is
 * remembered by its exact text, which the signature covers, so the same text is the same checked token; its time
 * limits (expiry) are checked again on every use, and who it names is read from the account on every request as
 * before, so a disabled account or a new role still takes effect at once. A token that failed is never remembered.
 */
final class CheckedTokens implements ReactiveJwtDecoder {

    /** Enough for every signed-in user of a network; a token pushed out is merely checked again. */
    static final int REMEMBERED_TOKENS = 4_096;

    private final ReactiveJwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Map<String, Jwt> checked = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
            return size() > REMEMBERED_TOKENS;
        }
    });

    /**
     * @param decoder   checks signature, claims and the validator
     * @param validator the same validator the decoder applies, applied again to a remembered token
     */
    CheckedTokens(ReactiveJwtDecoder decoder, OAuth2TokenValidator<Jwt> validator) {
        this.decoder = decoder;
        this.validator = validator;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = checked.get(token);
        if (known == null) {
            return decoder.decode(token).doOnNext(jwt -> checked.put(token, jwt));
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            checked.remove(token);
            return Mono.error(new JwtValidationException(message(result), result.getErrors()));
        }
        return Mono.just(known);
    }

    int remembered() {
        return checked.size();
    }

    /** Worded as the decoder words a refusal. */
    private static String message(OAuth2TokenValidatorResult result) {
        for (OAuth2Error error : result.getErrors()) {
            if (error.getDescription() != null && !error.getDescription().isEmpty()) {
                return "An error occurred while attempting to decode the Jwt: " + error.getDescription();
            }
        }
        return "Unable to validate Jwt";
    }
}
