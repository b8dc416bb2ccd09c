package gr.solidarity.ledger.query.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import gr.solidarity.ledger.messages.audit.AuditQueries;
import gr.solidarity.ledger.messages.audit.AuditQueries.AuditEntryPage;
import gr.solidarity.ledger.messages.audit.AuditQueries.AuditEntryView;
import gr.solidarity.ledger.messages.audit.AuditQueries.FindAuditEntries;
import gr.solidarity.ledger.messages.audit.AuditQueries.StreamAuditEntries;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.GenericStreamingQueryMessage;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trail read whole for an export, through one cursor: the same entries, in the same order, as reading it page
 * after page, with the same filters; and reading only the start of it is allowed.
 */
class AuditTrailStreamTest {

    private static final int ENTRIES = 1_050;
    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private SimpleQueryBus bus;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MongoTemplate mongo = new MongoTemplate(client, "audit");
        List<AuditEntryView> entries = new ArrayList<>();
        // stored out of order, as a retried batch can leave them
        for (int row = ENTRIES - 1; row >= 0; row--) {
            entries.add(new AuditEntryView("entry-" + row, row, START.plusSeconds(row * 60L),
                    row % 3 == 0 ? "PledgeMade" : "StockAdjusted", "record-" + row, "Pledge", "officer",
                    "Ελένη Οικονόμου", "OFFICER", null, null, null, null, List.of("donor-" + row % 2), List.of(),
                    "Δέσμευση αρ. " + row, "Pledge no. " + row));
        }
        mongo.insert(entries, AuditQueries.COLLECTION);
        bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new AuditQueryHandler(mongo)).subscribe(bus);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theWholeTrailStreamedIsThePagesReadOneAfterAnother() throws Exception {
        List<AuditEntryView> streamed = stream(new StreamAuditEntries(null, null, null, null, null, null));

        assertThat(streamed).hasSize(ENTRIES);
        assertThat(streamed).extracting(AuditEntryView::position).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(streamed).isEqualTo(paged(null, null, null));
        assertThat(streamed.get(0).actorName()).isEqualTo("Ελένη Οικονόμου");
    }

    @Test
    void theFiltersSelectTheSameEntriesAsThePages() throws Exception {
        Instant from = START.plusSeconds(100 * 60L);
        Instant to = START.plusSeconds(900 * 60L);
        List<AuditEntryView> streamed = stream(new StreamAuditEntries(null, "PledgeMade", null, "donor-0", from, to));

        assertThat(streamed).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.eventType()).isEqualTo("PledgeMade");
            assertThat(entry.organisationIds()).containsExactly("donor-0");
            assertThat(entry.at()).isBetween(from, to);
        });
        assertThat(streamed).isEqualTo(paged("PledgeMade", "donor-0", new Instant[]{from, to}));
    }

    @Test
    void aReaderMayStopEarly() {
        List<AuditEntryView> first = Flux.from(bus.streamingQuery(new GenericStreamingQueryMessage<>(
                        new StreamAuditEntries(null, null, null, null, null, null), AuditEntryView.class)))
                .map(QueryResponseMessage::getPayload)
                .take(10)
                .collectList().block();

        assertThat(first).extracting(AuditEntryView::position)
                .containsExactly(1049L, 1048L, 1047L, 1046L, 1045L, 1044L, 1043L, 1042L, 1041L, 1040L);
    }

    private List<AuditEntryView> stream(StreamAuditEntries query) {
        return Flux.from(bus.streamingQuery(new GenericStreamingQueryMessage<>(query, AuditEntryView.class)))
                .map(QueryResponseMessage::getPayload)
                .collectList().block();
    }

    private List<AuditEntryView> paged(String eventType, String organisationId, Instant[] period) throws Exception {
        List<AuditEntryView> all = new ArrayList<>();
        Long before = null;
        while (true) {
            FindAuditEntries query = new FindAuditEntries(null, eventType, null, organisationId,
                    period == null ? null : period[0], period == null ? null : period[1], 200, before);
            AuditEntryPage page = bus.query(new GenericQueryMessage<>(query, ResponseTypes.instanceOf(
                    AuditEntryPage.class))).get().getPayload();
            all.addAll(page.items());
            if (page.nextCursor() == null) {
                return all;
            }
            before = page.items().get(page.items().size() - 1).position();
        }
    }
}
