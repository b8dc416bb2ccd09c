package gr.solidarity.ledger.command.catalogue;

import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.AddCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.RetireCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.ReviseCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.SetMinimumStockLevel;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemAdded;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemRetired;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.CatalogueItemRevised;
import gr.solidarity.ledger.messages.catalogue.CatalogueEvents.MinimumStockLevelSet;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.common.Refusal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static gr.solidarity.ledger.command.support.LedgerFixtures.fixtureFor;
import static gr.solidarity.ledger.command.support.Refusals.refusal;
import static gr.solidarity.ledger.command.support.Refusals.refused;

class CatalogueItemTest {

    static final String CODE = "PASTA-500G";

    AggregateTestFixture<CatalogueItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureFor(CatalogueItem.class);
    }

    static CatalogueItemAdded added() {
        return new CatalogueItemAdded(CODE, "Μακαρόνια 500γρ", "Pasta 500g", ItemCategory.DRY_FOOD, UnitOfMeasure.PACK, false);
    }

    @Test
    void addsAnItem() {
        fixture.givenNoPriorActivity()
                .when(new AddCatalogueItem(CODE, " Μακαρόνια 500γρ ", "Pasta 500g", ItemCategory.DRY_FOOD,
                        UnitOfMeasure.PACK, false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(added());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pasta-500g", "-PASTA", "P", "0f1c4d2e-5b6a-4c3d-9e8f-102030405060", "PASTA 500G",
            "ABCDEFGHIJKLMNOPQRSTUVWXY"})
    void refusesAMalformedItemCode(String code) {
        fixture.givenNoPriorActivity()
                .when(new AddCatalogueItem(code, "Μακαρόνια", "Pasta", ItemCategory.DRY_FOOD, UnitOfMeasure.PACK, false))
                .expectException(refused())
                .expectExceptionDetails(refusal(CatalogueItem.INVALID_ITEM_CODE, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesAMissingName() {
        fixture.givenNoPriorActivity()
                .when(new AddCatalogueItem(CODE, "Μακαρόνια", " ", ItemCategory.DRY_FOOD, UnitOfMeasure.PACK, false))
                .expectExceptionDetails(refusal("TEXT_REQUIRED_OR_TOO_LONG"))
                .expectNoEvents();
    }

    @Test
    void refusesATooLongName() {
        fixture.givenNoPriorActivity()
                .when(new AddCatalogueItem(CODE, "Μ".repeat(121), "Pasta", ItemCategory.DRY_FOOD, UnitOfMeasure.PACK, false))
                .expectExceptionDetails(refusal("TEXT_REQUIRED_OR_TOO_LONG"))
                .expectNoEvents();
    }

    @Test
    void refusesAMissingCategory() {
        fixture.givenNoPriorActivity()
                .when(new AddCatalogueItem(CODE, "Μακαρόνια", "Pasta", null, UnitOfMeasure.PACK, false))
                .expectExceptionDetails(refusal(CatalogueItem.CATEGORY_REQUIRED, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesAMissingUnit() {
        fixture.givenNoPriorActivity()
                .when(new AddCatalogueItem(CODE, "Μακαρόνια", "Pasta", ItemCategory.DRY_FOOD, null, false))
                .expectExceptionDetails(refusal(CatalogueItem.UNIT_REQUIRED, Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void revisesNamesCategoryAndPerishability() {
        fixture.given(added())
                .when(new ReviseCatalogueItem(CODE, "Μακαρόνια Νο6 500γρ", "Spaghetti 500g", ItemCategory.DRY_FOOD, true))
                .expectEvents(new CatalogueItemRevised(CODE, "Μακαρόνια Νο6 500γρ", "Spaghetti 500g",
                        ItemCategory.DRY_FOOD, true));
    }

    @Test
    void aRevisionThatChangesNothingRecordsNothing() {
        fixture.given(added())
                .when(new ReviseCatalogueItem(CODE, "Μακαρόνια 500γρ ", "Pasta 500g", ItemCategory.DRY_FOOD, false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesARevisionWithoutCategory() {
        fixture.given(added())
                .when(new ReviseCatalogueItem(CODE, "Μακαρόνια", "Pasta", null, false))
                .expectExceptionDetails(refusal(CatalogueItem.CATEGORY_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void refusesARevisionWithoutName() {
        fixture.given(added())
                .when(new ReviseCatalogueItem(CODE, null, "Pasta", ItemCategory.DRY_FOOD, false))
                .expectExceptionDetails(refusal("TEXT_REQUIRED_OR_TOO_LONG"))
                .expectNoEvents();
    }

    @Test
    void refusesToReviseARetiredItem() {
        fixture.given(added(), new CatalogueItemRetired(CODE, "δεν διατίθεται"))
                .when(new ReviseCatalogueItem(CODE, "Μακαρόνια", "Pasta", ItemCategory.DRY_FOOD, false))
                .expectExceptionDetails(refusal(CatalogueLookup.ITEM_RETIRED, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void retiresAnItemWithAReason() {
        fixture.given(added())
                .when(new RetireCatalogueItem(CODE, "αντικαταστάθηκε από PASTA-1KG"))
                .expectEvents(new CatalogueItemRetired(CODE, "αντικαταστάθηκε από PASTA-1KG"));
    }

    @Test
    void refusesARetirementWithoutReason() {
        fixture.given(added())
                .when(new RetireCatalogueItem(CODE, ""))
                .expectExceptionDetails(refusal("TEXT_REQUIRED_OR_TOO_LONG"))
                .expectNoEvents();
    }

    @Test
    void refusesToRetireTwice() {
        fixture.given(added(), new CatalogueItemRetired(CODE, "λόγος"))
                .when(new RetireCatalogueItem(CODE, "λόγος"))
                .expectExceptionDetails(refusal(CatalogueItem.ALREADY_RETIRED, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void setsAMinimumStockLevel() {
        fixture.given(added())
                .when(new SetMinimumStockLevel(CODE, new BigDecimal("250.00")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MinimumStockLevelSet(CODE, new BigDecimal("250")));
    }

    @Test
    void aZeroMinimumRemovesTheLevel() {
        fixture.given(added(), new MinimumStockLevelSet(CODE, new BigDecimal("250")))
                .when(new SetMinimumStockLevel(CODE, BigDecimal.ZERO))
                .expectEvents(new MinimumStockLevelSet(CODE, BigDecimal.ZERO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "2.5", "1000001"})
    void refusesAMinimumThatIsNotAQuantityOfTheItem(String minimum) {
        fixture.given(added())
                .when(new SetMinimumStockLevel(CODE, new BigDecimal(minimum)))
                .expectExceptionDetails(refusal("QUANTITY_MUST_BE_POSITIVE_AND_BOUNDED", Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesAMissingMinimum() {
        fixture.given(added())
                .when(new SetMinimumStockLevel(CODE, null))
                .expectExceptionDetails(refusal("QUANTITY_MUST_BE_POSITIVE_AND_BOUNDED", Refusal.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesAMinimumForARetiredItem() {
        fixture.given(added(), new CatalogueItemRetired(CODE, "δεν διατίθεται"))
                .when(new SetMinimumStockLevel(CODE, BigDecimal.TEN))
                .expectExceptionDetails(refusal(CatalogueLookup.ITEM_RETIRED, Refusal.Kind.CONFLICT))
                .expectNoEvents();
    }
}
