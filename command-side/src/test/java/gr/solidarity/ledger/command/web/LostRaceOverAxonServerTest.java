package gr.solidarity.ledger.command.web;

import io.axoniq.axonserver.grpc.ErrorMessage;
import io.axoniq.axonserver.grpc.command.CommandResponse;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command processes that change one aggregate at once: Axon Server refuses the second append with an invalid
 * sequence number, and the process that sent the command learns of it only as a remote failure. It is a lost race,
 * answered 409 like the same race within one process, never 500.
 */
class LostRaceOverAxonServerTest {

    @Test
    void anAppendRefusedForItsSequenceNumberIsAConcurrentModification() {
        Throwable received = asReceivedByTheSender(appendRefusedByAxonServer());

        ProblemDetail problem = new CommandProblemHandler().refused((CommandExecutionException) received);

        assertThat(problem.getStatus()).isEqualTo(HttpStatus.CONFLICT.value());
        assertThat(problem.getProperties()).containsEntry("code", "CONCURRENT_MODIFICATION");
    }

    @Test
    void itIsRecognisedAsALostRaceSoAnIdempotentRequestIsRepeated() {
        assertThat(LostRaces.isLostRace(asReceivedByTheSender(appendRefusedByAxonServer()))).isTrue();
        assertThat(LostRaces.isLostRace(appendRefusedAsConcurrency())).isTrue();
        assertThat(LostRaces.isLostRace(asReceivedByTheSender(new IllegalStateException("something else")))).isFalse();
    }

    @Test
    void otherFailuresStayFailures() {
        ProblemDetail problem = new CommandProblemHandler().refused(
                (CommandExecutionException) asReceivedByTheSender(new IllegalStateException("disk full")));

        assertThat(problem.getStatus()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR.value());
    }

    /**
     * What the event store of the handling process throws when Axon Server refuses an append at commit: the gRPC
     * failure wrapped in an {@link EventStoreException} with the message of the future that failed.
     */
    static Throwable appendRefusedByAxonServer() {
        StatusRuntimeException refusal = Status.OUT_OF_RANGE
                .withDescription("[AXONIQ-2000] Invalid sequence number 7 for aggregate need-1, expected 8")
                .asRuntimeException();
        return new EventStoreException(new ExecutionException(refusal).getMessage(), refusal);
    }

    /** The same refusal as Axon's own translation of the error code names it, within the handling process. */
    static Throwable appendRefusedAsConcurrency() {
        return ErrorCode.INVALID_EVENT_SEQUENCE.convert(ErrorMessage.newBuilder()
                .setErrorCode(ErrorCode.INVALID_EVENT_SEQUENCE.errorCode())
                .setMessage("Invalid sequence number 7 for aggregate need-1, expected 8")
                .build());
    }

    /** The handling process's failure as it reaches the sending process through Axon Server. */
    static Throwable asReceivedByTheSender(Throwable failure) {
        Serializer serializer = Jackson3Serializer.builder().build();
        CommandSerializer wire = new CommandSerializer(serializer, new AxonServerConfiguration());
        CommandResponse response = wire.serialize(GenericCommandResultMessage.asCommandResultMessage(failure), "c-1");
        return wire.deserialize(response).exceptionResult();
    }
}
