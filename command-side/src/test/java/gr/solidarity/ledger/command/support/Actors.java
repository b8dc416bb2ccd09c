package gr.solidarity.ledger.command.support;

import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.identity.Role;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;

import java.util.List;
import java.util.Map;

/** Command and event metadata naming who acted, as the web layer sends it. */
public final class Actors {

    private Actors() {
    }

    public static Map<String, String> donorOf(String organisationId) {
        return new Actor("donor-user", "Νίκος Δωρητής", Role.DONOR, organisationId).toMetaData();
    }

    public static Map<String, String> recipientOf(String organisationId) {
        return new Actor("recipient-user", "Άννα Δομή", Role.RECIPIENT, organisationId).toMetaData();
    }

    public static Map<String, String> officer() {
        return new Actor("officer-1", "Ελένη Οικονόμου", Role.OFFICER, null).toMetaData();
    }

    public static Map<String, String> director(String userId) {
        return new Actor(userId, "Διευθυντής " + userId, Role.DIRECTOR, null).toMetaData();
    }

    /** A past event as recorded for the given actor, for {@code fixture.given(List.of(...))}. */
    public static EventMessage<?> by(Map<String, String> actor, Object event) {
        return GenericEventMessage.asEventMessage(event).andMetaData(actor);
    }

    public static List<EventMessage<?>> recorded(Map<String, String> actor, Object... events) {
        return java.util.Arrays.stream(events).<EventMessage<?>>map(event -> by(actor, event)).toList();
    }
}
