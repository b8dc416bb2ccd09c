package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.identity.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a checked bearer token into the actor it stands for. */
final class TokenActors {

    private TokenActors() {
    }

    /** Tokens the ledger issued itself: the subject is a local account, read afresh on every request. */
    static Converter<Jwt, Mono<AbstractAuthenticationToken>> local(LocalAccounts accounts) {
        return jwt -> accounts.credentials(jwt.getSubject())
                .filter(credentials -> credentials.enabled())
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("The token's account is unknown or disabled")))
                .map(credentials -> new ActorAuthentication(credentials.actor()));
    }

    /**
     * Tokens of an external identity provider, read through the configured claim names. A token without a known role,
     * or a donor or recipient role without an organisation, still identifies someone, but one who may do nothing.
     */
    static Converter<Jwt, Mono<AbstractAuthenticationToken>> fromClaims(SecurityProperties.Claims names) {
        return jwt -> Mono.fromSupplier(() -> new ActorAuthentication(actor(jwt.getClaims(), names)));
    }

    static Actor actor(Map<String, Object> claims, SecurityProperties.Claims names) {
        String userId = text(claim(claims, names.userId()));
        if (userId == null) {
            throw new BadCredentialsException("The token names no user");
        }
        if (Actor.isReservedUserId(userId)) {
            throw new BadCredentialsException("The token names a user the ledger reserves for itself");
        }
        String name = text(claim(claims, names.name()));
        Role role = role(claim(claims, names.role()), names.rolePrefix());
        String organisation = text(claim(claims, names.organisation()));
        if (role != null && role.belongsToOrganisation() && organisation == null) {
            role = null;
        }
        if (role != null && !role.belongsToOrganisation()) {
            organisation = null;
        }
        return new Actor(userId, name == null ? userId : name, role, organisation);
    }

    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private static Role role(Object value, String prefix) {
        List<?> candidates = value instanceof Collection<?> many ? List.copyOf(many) : value == null ? List.of() : List.of(value);
        for (Object candidate : candidates) {
            String text = candidate == null ? "" : candidate.toString().trim();
            if (!prefix.isEmpty() && text.regionMatches(true, 0, prefix, 0, prefix.length())) {
                text = text.substring(prefix.length());
            } else if (!prefix.isEmpty()) {
                continue;
            }
            for (Role role : Role.values()) {
                if (role.name().equals(text.toUpperCase(Locale.ROOT))) {
                    return role;
                }
            }
        }
        return null;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }
}
