package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.messages.identity.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/** A signed-in principal, however it signed in, knows the actor it is. */
interface ActorPrincipal {

    Actor actor();

    /** One authority, the role; a user without a role is signed in but may do nothing that needs one. */
    static List<GrantedAuthority> authoritiesOf(Actor actor) {
        return actor.role() == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name()));
    }
}
