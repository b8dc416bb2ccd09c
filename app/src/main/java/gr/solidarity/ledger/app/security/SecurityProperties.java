package gr.solidarity.ledger.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How users are identified ({@code ledger.security.*}).
 *
 * @param identity      {@code local}: accounts kept by the ledger itself (the embedded default); {@code oidc}: an
 *                      external OpenID Connect provider issues the tokens and the ledger only checks them
 * @param admin         the first administrator, created on the first start with local identity
 * @param tokenValidity how long an access token issued by the ledger (local identity) stays valid
 * @param claims        where an external provider's tokens carry the user's id, name, role and organisation
 * @param login         failed sign-in limits
 */
@ConfigurationProperties("ledger.security")
public record SecurityProperties(
        @DefaultValue("local") Identity identity,
        @DefaultValue Admin admin,
        @DefaultValue("PT1H") Duration tokenValidity,
        @DefaultValue Claims claims,
        @DefaultValue Login login) {

    public enum Identity { LOCAL, OIDC }

    /** @param password taken once, on the first start; when empty a password is generated and logged once */
    public record Admin(@DefaultValue("admin") String username, String password) {
    }

    /**
     * Claim names; a dotted name walks into nested objects (Keycloak's {@code realm_access.roles}). The role claim may
     * hold one value or a list; values are matched to the ledger's roles after removing {@code rolePrefix}, ignoring
     * case, and the first that matches wins.
     */
    public record Claims(@DefaultValue("sub") String userId,
                         @DefaultValue("name") String name,
                         @DefaultValue("ledger_role") String role,
                         @DefaultValue("") String rolePrefix,
                         @DefaultValue("ledger_organisation") String organisation) {
    }

    /**
     * @param maxFailures           failed sign-ins allowed per user name and client address within {@code window}
     * @param maxFailuresPerAddress failed sign-ins allowed from one client address, whatever the names tried
     */
    public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("PT15M") Duration window,
                        @DefaultValue("100") int maxFailuresPerAddress) {
    }
}
