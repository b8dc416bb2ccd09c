package gr.solidarity.ledger.query.web;

import gr.solidarity.ledger.messages.identity.Actor;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * What a donor or recipient user may see: their own organisation's records only. Another organisation's records are
 * answered 404, exactly like records that do not exist, so nothing is learnt about them. Directorate staff and
 * auditors see everything.
 */
public final class OrganisationScope {

    private OrganisationScope() {
    }

    /**
     * The organisation a list must be limited to: the member's own (a filter naming another is answered 404), or
     * what staff asked for (null: all).
     */
    public static Mono<String> limitTo(String requested) {
        return CurrentActor.get().flatMap(actor -> {
            if (actor.isSystem() || actor.role() != null && !actor.role().belongsToOrganisation()) {
                return Mono.justOrEmpty(requested);
            }
            if (actor.role() == null) {
                return Mono.error(new NotVisibleException());
            }
            if (requested != null && !requested.equals(actor.organisationId())) {
                return Mono.error(new NotVisibleException());
            }
            return Mono.just(actor.organisationId());
        });
    }

    /** The found record if the actor may see it, else 404. */
    public static <T> Mono<ResponseEntity<T>> visible(Mono<ResponseEntity<T>> found, Function<T, String> organisationOf) {
        return CurrentActor.get().flatMap(actor -> found.map(answer -> {
            T body = answer.getBody();
            return body == null || actor.mayActFor(organisationOf.apply(body)) ? answer
                    : ResponseEntity.<T>notFound().build();
        }));
    }

    /** Answered 404 without a body that could tell what was asked about. */
    public static final class NotVisibleException extends RuntimeException {
        NotVisibleException() {
            super("not found", null, false, false);
        }
    }
}
