package gr.solidarity.ledger.query.distribution;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.distribution.DistributionQueries;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.CountDeliveriesPerMonth;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionDelivery;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DistributionGrouping;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.FindDistribution;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.MonthlyDeliveries;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DonorDistribution;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DonorDistributionLevel;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.DonorDistributionRow;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.FindDonorDistribution;
import gr.solidarity.ledger.messages.distribution.DistributionQueries.UnitQuantity;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Where a donor's goods went, from the deliveries of the distribution history. */
class DonorDistributionQueryTest {

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    DistributionQueryHandler handler;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "test");
        handler = new DistributionQueryHandler(mongo);
        mongo.save(new Document("_id", "D1").append("name", "Ηπειρωτικά Τρόφιμα Α.Ε."),
                DistributionQueries.DONORS_COLLECTION);
        mongo.save(new Document("_id", "D2").append("name", "Γαλακτοκομικά Άρτας Ο.Ε."),
                DistributionQueries.DONORS_COLLECTION);
        // Ioannina: a soup kitchen fed twice on one need line (two lots), once on another; a grocery in kilos
        save("A1:L1", "D1", "N1", 1, "S1", "Συσσίτιο Αγίου Νικολάου", RecipientStructureType.PARISH_SOUP_KITCHEN,
                "1801", "Ιωαννιτών", "18", "Ιωαννίνων", UnitOfMeasure.PACK, "60", "2026-03", 120, 200);
        save("A1:L2", "D1", "N1", 1, "S1", "Συσσίτιο Αγίου Νικολάου", RecipientStructureType.PARISH_SOUP_KITCHEN,
                "1801", "Ιωαννιτών", "18", "Ιωαννίνων", UnitOfMeasure.PACK, "38", "2026-03", 120, 200);
        save("A2:L1", "D1", "N2", 1, "S1", "Συσσίτιο Αγίου Νικολάου", RecipientStructureType.PARISH_SOUP_KITCHEN,
                "1801", "Ιωαννιτών", "18", "Ιωαννίνων", UnitOfMeasure.PACK, "10", "2026-04", 0, 200);
        save("A3:L3", "D1", "N3", 1, "S2", "Κοινωνικό Παντοπωλείο Ιωαννίνων", RecipientStructureType.SOCIAL_GROCERY,
                "1801", "Ιωαννιτών", "18", "Ιωαννίνων", UnitOfMeasure.KG, "12.5", "2026-04", 40, 90);
        // Arta: one delivery, and one outside the period
        save("A4:L4", "D1", "N4", 1, "S3", "Συσσίτιο Άρτας", RecipientStructureType.PARISH_SOUP_KITCHEN,
                "0101", "Αρταίων", "01", "Άρτας", UnitOfMeasure.PACK, "5", "2026-05", 30, 30);
        save("A5:L5", "D1", "N5", 1, "S3", "Συσσίτιο Άρτας", RecipientStructureType.PARISH_SOUP_KITCHEN,
                "0101", "Αρταίων", "01", "Άρτας", UnitOfMeasure.PACK, "7", "2025-12", 30, 30);
        // another donor's goods in the same structure
        save("A6:L6", "D2", "N6", 1, "S1", "Συσσίτιο Αγίου Νικολάου", RecipientStructureType.PARISH_SOUP_KITCHEN,
                "1801", "Ιωαννιτών", "18", "Ιωαννίνων", UnitOfMeasure.PACK, "777", "2026-03", 500, 200);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theTreeGoesFromRegionalUnitsDownToStructuresWithTheirOwnSums() {
        DonorDistribution found = handler.handle(new FindDonorDistribution("D1", "2026-01", "2026-12")).orElseThrow();

        assertThat(found.donorName()).isEqualTo("Ηπειρωτικά Τρόφιμα Α.Ε.");
        assertThat(found.rows()).extracting(DonorDistributionRow::level, this::label, DonorDistributionRow::deliveries,
                        DonorDistributionRow::beneficiaries)
                .containsExactly(
                        tuple(DonorDistributionLevel.REGIONAL_UNIT, "Άρτας", 1L, 30L),
                        tuple(DonorDistributionLevel.MUNICIPALITY, "Αρταίων", 1L, 30L),
                        tuple(DonorDistributionLevel.STRUCTURE_TYPE, "PARISH_SOUP_KITCHEN", 1L, 30L),
                        tuple(DonorDistributionLevel.STRUCTURE, "Συσσίτιο Άρτας", 1L, 30L),
                        tuple(DonorDistributionLevel.REGIONAL_UNIT, "Ιωαννίνων", 4L, 120L + 200L + 40L),
                        tuple(DonorDistributionLevel.MUNICIPALITY, "Ιωαννιτών", 4L, 360L),
                        tuple(DonorDistributionLevel.STRUCTURE_TYPE, "PARISH_SOUP_KITCHEN", 3L, 320L),
                        tuple(DonorDistributionLevel.STRUCTURE, "Συσσίτιο Αγίου Νικολάου", 3L, 320L),
                        tuple(DonorDistributionLevel.STRUCTURE_TYPE, "SOCIAL_GROCERY", 1L, 40L),
                        tuple(DonorDistributionLevel.STRUCTURE, "Κοινωνικό Παντοπωλείο Ιωαννίνων", 1L, 40L));
        DonorDistributionRow ioannina = found.rows().get(4);
        assertThat(ioannina.quantities()).containsExactly(new UnitQuantity(UnitOfMeasure.KG, new BigDecimal("12.5")),
                new UnitQuantity(UnitOfMeasure.PACK, new BigDecimal("108")));
        DonorDistributionRow kitchen = found.rows().get(7);
        assertThat(kitchen.recipientId()).isEqualTo("S1");
        assertThat(kitchen.municipalityName()).isEqualTo("Ιωαννιτών");
        assertThat(kitchen.regionalUnitName()).isEqualTo("Ιωαννίνων");
        assertThat(found.rows().get(5).recipientId()).as("a municipality's row names no structure").isNull();
        assertThat(found.quantities()).containsExactly(new UnitQuantity(UnitOfMeasure.KG, new BigDecimal("12.5")),
                new UnitQuantity(UnitOfMeasure.PACK, new BigDecimal("113")));
        assertThat(found.deliveries()).isEqualTo(5);
        assertThat(found.beneficiaries()).isEqualTo(390);
    }

    @Test
    void thePeriodLimitsTheDeliveries() {
        DonorDistribution march = handler.handle(new FindDonorDistribution("D1", "2026-03", "2026-03")).orElseThrow();
        assertThat(march.quantities()).containsExactly(new UnitQuantity(UnitOfMeasure.PACK, new BigDecimal("98")));
        assertThat(march.beneficiaries()).isEqualTo(120);

        DonorDistribution always = handler.handle(new FindDonorDistribution("D1", null, null)).orElseThrow();
        assertThat(always.deliveries()).isEqualTo(6);
    }

    @Test
    void onlyTheDonorsOwnGoodsAndNothingForADonorTheViewDoesNotKnow() {
        DonorDistribution other = handler.handle(new FindDonorDistribution("D2", null, null)).orElseThrow();
        assertThat(other.rows()).extracting(this::label).contains("Συσσίτιο Αγίου Νικολάου")
                .doesNotContain("Συσσίτιο Άρτας", "Κοινωνικό Παντοπωλείο Ιωαννίνων");
        assertThat(other.quantities()).containsExactly(new UnitQuantity(UnitOfMeasure.PACK, new BigDecimal("777")));

        assertThat(handler.handle(new FindDonorDistribution("D-UNKNOWN", null, null))).isEmpty();
        assertThat(handler.handle(new FindDonorDistribution(null, null, null))).isEmpty();
        assertThat(handler.handle(new FindDonorDistribution("D1", "2030-01", "2030-12")).orElseThrow().rows())
                .isEmpty();
    }

    /** The dashboard's chart: deliveries counted per month by the store, as the report by month counts them. */
    @Test
    void deliveriesAreCountedPerMonthOfThePeriod() {
        assertThat(handler.handle(new CountDeliveriesPerMonth("2026-01", "2026-12"))).containsExactly(
                new MonthlyDeliveries("2026-03", 3), new MonthlyDeliveries("2026-04", 2),
                new MonthlyDeliveries("2026-05", 1));
        assertThat(handler.handle(new CountDeliveriesPerMonth("2026-01", "2026-12")))
                .extracting(MonthlyDeliveries::month, MonthlyDeliveries::deliveries)
                .containsExactlyElementsOf(handler.handle(new FindDistribution(DistributionGrouping.MONTH, "2026-01",
                                "2026-12", null, null, null, null)).rows().stream()
                        .map(row -> tuple(row.key(), row.deliveries())).toList());
        assertThat(handler.handle(new CountDeliveriesPerMonth("2025-12", "2026-03"))).containsExactly(
                new MonthlyDeliveries("2025-12", 1), new MonthlyDeliveries("2026-03", 3));
        assertThat(handler.handle(new CountDeliveriesPerMonth("2030-01", "2030-12"))).isEmpty();
    }

    private String label(DonorDistributionRow row) {
        return switch (row.level()) {
            case REGIONAL_UNIT -> row.regionalUnitName();
            case MUNICIPALITY -> row.municipalityName();
            case STRUCTURE_TYPE -> row.structureType().name();
            case STRUCTURE -> row.recipientName();
        };
    }

    private void save(String id, String donorId, String needId, int needLineNo, String recipientId,
                      String recipientName, RecipientStructureType type, String municipalityCode,
                      String municipalityName, String regionalUnitCode, String regionalUnitName, UnitOfMeasure unit,
                      String quantity, String month, int needLineBeneficiaries, int recipientBeneficiaries) {
        mongo.save(new DistributionDelivery(id, id.substring(0, 2), id.substring(3), needId, needLineNo, recipientId,
                        recipientName, type, municipalityCode, municipalityName, regionalUnitCode, regionalUnitName,
                        "PASTA-500G", "Μακαρόνια 500 γρ.", "Pasta 500 g", ItemCategory.DRY_FOOD, unit,
                        new BigDecimal(quantity), LocalDate.parse(month + "-15"), Instant.parse(month + "-15T10:00:00Z"),
                        month, donorId, "x", needLineBeneficiaries, recipientBeneficiaries),
                DistributionQueries.DELIVERIES_COLLECTION);
    }
}
