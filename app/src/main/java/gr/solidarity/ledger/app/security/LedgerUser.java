package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.messages.identity.AccountQueries.UserCredentials;
import gr.solidarity.ledger.messages.identity.Actor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;

/** A local account as Spring Security sees it. The hash is dropped once the password was checked. */
final class LedgerUser implements UserDetails, CredentialsContainer, ActorPrincipal {

    private final Actor actor;
    private final boolean enabled;
    private String passwordHash;

    LedgerUser(UserCredentials credentials) {
        this.actor = credentials.actor();
        this.enabled = credentials.enabled();
        this.passwordHash = credentials.passwordHash();
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return ActorPrincipal.authoritiesOf(actor);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.userId();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "LedgerUser[" + actor.userId() + "]";
    }
}
