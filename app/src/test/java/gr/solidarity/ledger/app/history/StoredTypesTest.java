package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.messages.history.Concerning;
import gr.solidarity.ledger.messages.history.StoredType;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event the ledger handles is stored under a declared name and revision and declares what it concerns. */
class StoredTypesTest {

    private final StoredTypes types = StoredTypes.ofLedger();

    @Test
    void everyHandledEventIsAStoredType() {
        Set<Class<?>> handled = handledPayloadTypes();
        assertThat(handled).contains(gr.solidarity.ledger.messages.stock.StockEvents.GoodsReceived.class);
        Set<String> undeclared = new TreeSet<>();
        for (Class<?> payload : handled) {
            if (payload.getName().startsWith(StoredTypes.MESSAGES_PACKAGE + ".") && types.forClass(payload).isEmpty()) {
                undeclared.add(payload.getName());
            }
        }
        assertThat(undeclared).as("""
                event types without a stored name and revision: annotate each with \
                @StoredType(name = "area.EventName", revision = 1) and implement Concerning, then add it to the \
                history corpus (a step at the end of CorpusStory.tell(), then %s)""", HistoryCorpus.RECORD_COMMAND)
                .isEmpty();
    }

    @Test
    void everyStoredEventDeclaresWhatItConcerns() {
        assertThat(types.events()).isNotEmpty().allSatisfy(entry ->
                assertThat(Concerning.class).as(entry.name()).isAssignableFrom(entry.type()));
    }

    @Test
    void storedNamesAreShortAndNeverAClassName() {
        assertThat(types.all()).allSatisfy(entry -> {
            assertThat(entry.name()).as(entry.type().getName()).matches("^[a-z]+\\.[A-Z][A-Za-z0-9]+$");
            assertThat(LegacyTypeNames.stableNameOf(entry.name())).isEmpty();
        });
    }

    @Test
    void everyFormerClassNameNamesAStoredEvent() {
        assertThat(LegacyTypeNames.all().values()).allSatisfy(name ->
                assertThat(types.forName(name)).as(name).get().matches(StoredTypes.Entry::isEvent));
    }

    @Test
    void theWarehouseSnapshotIsAStoredType() {
        assertThat(types.snapshots()).extracting(StoredTypes.Entry::name).contains("stock.Warehouse");
    }

    @Test
    void aNameDeclaredTwiceIsRefused() {
        @StoredType(name = "test.Twice", revision = 1)
        record One() {
        }
        @StoredType(name = "test.Twice", revision = 1)
        record Other() {
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StoredTypes.of(java.util.List.of(One.class,
                        Other.class)))
                .hasMessageContaining("test.Twice");
    }

    /** The first parameter of every event handler and event-sourcing handler in the ledger's code. */
    static Set<Class<?>> handledPayloadTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile("gr\\.solidarity\\.ledger\\..*")));
        Set<Class<?>> payloads = new java.util.HashSet<>();
        for (var candidate : scanner.findCandidateComponents("gr.solidarity.ledger")) {
            Class<?> type;
            try {
                type = ClassUtils.forName(candidate.getBeanClassName(), StoredTypesTest.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if ((method.isAnnotationPresent(EventHandler.class)
                        || method.isAnnotationPresent(EventSourcingHandler.class))
                        && method.getParameterCount() > 0) {
                    payloads.add(method.getParameterTypes()[0]);
                }
            }
        }
        return payloads;
    }
}
