package gr.solidarity.ledger.app.web;

import gr.solidarity.ledger.messages.identity.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Who is signed in. Answered by every process whatever its roles: the landing page sends browsers here, and a process
 * that only handles commands must not answer 404 to it.
 */
@RestController
@Tag(name = "Users", description = "Λογαριασμοί χρηστών και ρόλοι")
class SignedInUserController {

    @GetMapping("/api/me")
    @Operation(summary = "Who is signed in: user id, name, role and organisation")
    Mono<Actor> me() {
        return Mono.deferContextual(context -> context.hasKey(Actor.class)
                ? Mono.just(context.<Actor>get(Actor.class))
                : Mono.error(new IllegalStateException("No signed-in actor for this request")));
    }
}
