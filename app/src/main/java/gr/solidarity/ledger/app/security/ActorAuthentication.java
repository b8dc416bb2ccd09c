package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.messages.identity.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A bearer token that was checked and mapped to an actor. The token itself is not kept. */
final class ActorAuthentication extends AbstractAuthenticationToken implements ActorPrincipal {

    private final Actor actor;

    ActorAuthentication(Actor actor) {
        super(ActorPrincipal.authoritiesOf(actor));
        this.actor = actor;
        setAuthenticated(true);
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return this;
    }

    @Override
    public String getName() {
        return actor.userId();
    }
}
