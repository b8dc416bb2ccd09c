package gr.solidarity.ledger.command.support;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.util.List;
import java.util.function.Supplier;

/**
 * A real event-sourcing repository over an in-memory event store, for testing the desks that hand commands to another
 * aggregate in the current unit of work.
 */
public final class InMemoryAggregates {

    private InMemoryAggregates() {
    }

    public static EventStore eventStore() {
        return EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    }

    /** @param resources what the aggregate's handlers take besides the command (ports, clock) */
    public static <T> EventSourcingRepository<T> repository(Class<T> type, EventStore store, Object... resources) {
        return EventSourcingRepository.builder(type)
                .eventStore(store)
                .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                        new SimpleResourceParameterResolverFactory(List.of(resources)),
                        ClasspathParameterResolverFactory.forClass(type)))
                .build();
    }

    public static void seed(EventStore store, Class<?> type, String aggregateId, Object... events) {
        for (int i = 0; i < events.length; i++) {
            store.publish(new GenericDomainEventMessage<>(type.getSimpleName(), aggregateId, i, events[i]));
        }
    }

    /** Runs like a command handler: committed when it returns, rolled back when it throws. */
    public static <R> R inUnitOfWork(Supplier<R> work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            R result = work.get();
            unitOfWork.commit();
            return result;
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
    }

    public static List<Object> payloads(EventStore store, String aggregateId) {
        return store.readEvents(aggregateId).asStream().map(message -> (Object) message.getPayload()).toList();
    }
}
