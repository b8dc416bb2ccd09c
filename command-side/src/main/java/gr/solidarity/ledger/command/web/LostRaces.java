package gr.solidarity.ledger.command.web;

import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.axonserver.connector.command.AxonServerRemoteCommandHandlingException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * A command that lost a race with another writer of the same aggregate: nothing it decided was stored, and repeating
 * it decides again on what the winner stored. Within one process the event store says so with a
 * {@link ConcurrencyException}. When the command was handled by another process through Axon Server, the failure
 * arrives as a remote one whose type is lost; Axon Server's code for an append refused for its sequence number
 * ({@code AXONIQ-2000}) still names it, in the messages of the failure and its causes.
 */
public final class LostRaces {

    private static final String INVALID_SEQUENCE = ErrorCode.INVALID_EVENT_SEQUENCE.errorCode();

    private LostRaces() {
    }

    public static boolean isLostRace(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || mentionsInvalidSequence(cause.getMessage())) {
                return true;
            }
            if (cause instanceof AxonServerRemoteCommandHandlingException remote
                    && remote.getExceptionDescriptions().stream().anyMatch(LostRaces::mentionsInvalidSequence)) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    private static boolean mentionsInvalidSequence(String message) {
        return message != null && message.contains(INVALID_SEQUENCE);
    }
}
