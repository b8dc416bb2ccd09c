package gr.solidarity.ledger.command.support;

import gr.solidarity.ledger.command.web.CommandProblemHandler;
import gr.solidarity.ledger.command.web.CommandSender;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A command sender whose gateway accepts every command and remembers it, for controller tests. */
public final class RecordingCommandSender {

    public final List<Object> sent = new ArrayList<>();
    public final CommandSender sender;

    public RecordingCommandSender() {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.send(any(), any(MetaData.class))).thenAnswer(invocation -> {
            sent.add(invocation.getArgument(0));
            return CompletableFuture.completedFuture(null);
        });
        EventStore eventStore = mock(EventStore.class);
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(41));
        sender = new CommandSender(gateway, eventStore, JsonMapper.builder().build());
    }

    public static WebTestClient clientFor(Object controller) {
        return WebTestClient.bindToController(controller).controllerAdvice(new CommandProblemHandler()).build();
    }
}
