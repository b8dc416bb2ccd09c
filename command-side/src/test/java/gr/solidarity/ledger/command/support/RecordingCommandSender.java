package gr.solidarity.ledger.command.support;

import gr.solidarity.ledger.command.web.CommandProblemHandler;
import gr.solidarity.ledger.command.web.CommandSender;
import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.identity.Role;
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

    /** The officer every controller test acts as. */
    public static final Actor OFFICER = new Actor("officer-1", "Ελένη Οικονόμου", Role.OFFICER, null);

    public final List<Object> sent = new ArrayList<>();
    public final List<MetaData> metaData = new ArrayList<>();
    public final CommandSender sender;

    public RecordingCommandSender() {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.send(any(), any(MetaData.class))).thenAnswer(invocation -> {
            sent.add(invocation.getArgument(0));
            metaData.add(invocation.getArgument(1));
            return CompletableFuture.completedFuture(null);
        });
        EventStore eventStore = mock(EventStore.class);
        when(eventStore.createHeadToken()).thenReturn(new GlobalSequenceTrackingToken(41));
        sender = new CommandSender(gateway, eventStore, JsonMapper.builder().build());
    }

    public static WebTestClient clientFor(Object controller) {
        return WebTestClient.bindToController(controller).controllerAdvice(new CommandProblemHandler())
                .webFilter((exchange, chain) -> chain.filter(exchange).contextWrite(context -> context
                        .put(Actor.class, OFFICER).put(Actor.REQUEST_ID, "request-1")))
                .build();
    }
}
