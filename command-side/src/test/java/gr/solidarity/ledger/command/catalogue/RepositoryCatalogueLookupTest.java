package gr.solidarity.ledger.command.catalogue;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.LedgerCommandTargetResolver;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.AddCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.RetireCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.common.Refusal;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepositoryCatalogueLookupTest {

    Configuration axon;
    RepositoryCatalogueLookup lookup;

    @BeforeEach
    void setUp() {
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(AggregateConfigurer.defaultConfiguration(CatalogueItem.class)
                        .configureCommandTargetResolver(c -> new LedgerCommandTargetResolver()))
                .buildConfiguration();
        axon.start();
        axon.commandGateway().sendAndWait(new AddCatalogueItem("FETA-KG", "Φέτα", "Feta", ItemCategory.DAIRY,
                UnitOfMeasure.KG, true));
        axon.commandGateway().sendAndWait(new AddCatalogueItem("OLD-SOAP", "Σαπούνι", "Soap", ItemCategory.HYGIENE,
                UnitOfMeasure.PIECE, false));
        axon.commandGateway().sendAndWait(new RetireCatalogueItem("OLD-SOAP", "δεν παράγεται πια"));
        lookup = new RepositoryCatalogueLookup(axon.repository(CatalogueItem.class));
    }

    @AfterEach
    void tearDown() {
        axon.shutdown();
    }

    Object ask(String itemCode) {
        var result = DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> lookup.requireUsable("lines[0].itemCode", itemCode));
        return result.isExceptional() ? result.exceptionResult() : result.getPayload();
    }

    static Refusal refusal(Object answer) {
        assertThat(answer).isInstanceOf(CommandRefusedException.class);
        return ((CommandRefusedException) answer).refusal();
    }

    @Test
    void answersAUsableItemWithItsUnitAndPerishability() {
        assertThat(ask("FETA-KG")).isEqualTo(new CatalogueLookup.CatalogueEntry("FETA-KG", UnitOfMeasure.KG, true));
    }

    @Test
    void refusesAnUnknownItemNamingTheField() {
        Refusal refusal = refusal(ask("NOPE-1"));
        assertThat(refusal.code()).isEqualTo(CatalogueLookup.ITEM_NOT_FOUND);
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(refusal.fields()).extracting(Refusal.FieldProblem::field).containsExactly("lines[0].itemCode");
    }

    @Test
    void refusesAMalformedCodeWithoutLookingItUp() {
        assertThat(refusal(ask("feta-kg")).code()).isEqualTo(CatalogueLookup.ITEM_NOT_FOUND);
        assertThat(refusal(ask(" ")).kind()).isEqualTo(Refusal.Kind.INVALID);
    }

    @Test
    void refusesARetiredItem() {
        Refusal refusal = refusal(ask("OLD-SOAP"));
        assertThat(refusal.code()).isEqualTo(CatalogueLookup.ITEM_RETIRED);
        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.RULE_VIOLATED);
    }
}
