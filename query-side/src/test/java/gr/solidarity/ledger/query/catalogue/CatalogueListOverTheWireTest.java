package gr.solidarity.ledger.query.catalogue;

import gr.solidarity.ledger.messages.catalogue.CatalogueQueries;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.CatalogueItemView;
import gr.solidarity.ledger.messages.catalogue.CatalogueQueries.FindCatalogueItems;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.query.web.Queries;
import io.axoniq.axonserver.grpc.query.QueryResponse;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.query.QuerySerializer;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Over Axon Server a query's answer is serialized where it is handled and read back where it was asked, with only the
 * type name the serializer wrote. A list of views must come back as a list of views, not of maps.
 */
class CatalogueListOverTheWireTest {

    @Test
    void theCatalogueListSurvivesTheSerializerRoundTripOfAxonServer() throws Exception {
        CatalogueItemView pasta = new CatalogueItemView("PASTA-500G", "Ζυμαρικά 500γρ", "Pasta 500g",
                ItemCategory.values()[0], UnitOfMeasure.PACK, false, false, null, Instant.parse("2026-03-03T08:00:00Z"),
                Instant.parse("2026-03-03T08:00:00Z"));
        MongoTemplate mongo = mock(MongoTemplate.class);
        when(mongo.find(any(Query.class), eq(CatalogueItemView.class), eq(CatalogueQueries.COLLECTION)))
                .thenReturn(List.of(pasta));
        SimpleQueryBus handlingSide = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new CatalogueQueryHandler(mongo)).subscribe(handlingSide);
        ResponseType<CatalogueItemView[]> asked = Queries.arrayOf(CatalogueItemView.class);

        QueryResponseMessage<CatalogueItemView[]> answered = handlingSide
                .query(new GenericQueryMessage<>(new FindCatalogueItems(false), asked)).get();
        Serializer serializer = Jackson3Serializer.builder().build();
        QuerySerializer wire = new QuerySerializer(serializer, serializer, new AxonServerConfiguration());
        QueryResponse sent = wire.serializeResponse(answered, "request-1");
        CatalogueItemView[] received = wire.deserializeResponse(sent, asked).getPayload();

        assertThat(received).containsExactly(pasta);
    }
}
