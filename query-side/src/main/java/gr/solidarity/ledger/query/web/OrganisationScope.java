package gr.solidarity.ledger.query.web;

import gr.solidarity.ledger.messages.identity.Actor;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

import java.util.Optional;
import java.util.function.Function;

/**
 * What a donor or recipient user may see: their own organisation's records only. Another organisation's records are
 * answered 404, exactly like records that do not exist, so nothing is learnt about them. Directorate staff and
 * auditors see everything.
 */
public final class OrganisationScope {

    private OrganisationScope() {
    }

    /** {@link #limitTo(Actor, String)} for the signed-in actor; empty means all organisations. */
    public static Mono<Optional<String>> limitTo(String requested) {
        return CurrentActor.get().map(actor -> Optional.ofNullable(limitTo(actor, requested)));
    }

    /**
     * The organisation a list must be limited to: the member's own (a filter naming another is answered 404), or
     * what staff asked for (null: all).
     */
    public static String limitTo(Actor actor, String requested) {
        if (actor.isSystem() || actor.role() != null && !actor.role().belongsToOrganisation()) {
            return requested;
        }
        if (actor.role() == null || requested != null && !requested.equals(actor.organisationId())) {
            throw new NotVisibleException();
        }
        return actor.organisationId();
    }

    /** The found record if the actor may see it, else 404. */
    public static <T> Mono<ResponseEntity<T>> visible(Mono<ResponseEntity<T>> found, Function<T, String> organisationOf) {
        return CurrentActor.get().flatMap(actor -> found.map(answer -> {
            T body = answer.getBody();
            if (body == null || actor.mayActFor(organisationOf.apply(body))) {
                return answer;
            }
            throw new NotVisibleException();
        }));
    }

    /**
     * Answered 404 with a problem document that says only "no such record", whether the record does not exist or
     * belongs to another organisation, so nothing is learnt about what was asked.
     */
    public static final class NotVisibleException extends RuntimeException {
        public NotVisibleException() {
            super("not found", null, false, false);
        }
    }
}
