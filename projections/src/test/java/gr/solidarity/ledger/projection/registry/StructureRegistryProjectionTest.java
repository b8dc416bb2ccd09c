package gr.solidarity.ledger.projection.registry;

import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.registry.LocationVisibility;
import gr.solidarity.ledger.messages.registry.OpeningHours;
import gr.solidarity.ledger.messages.registry.OpeningHours.Closure;
import gr.solidarity.ledger.messages.registry.OpeningHours.WeeklyPeriod;
import gr.solidarity.ledger.messages.registry.PremisesAccessibility;
import gr.solidarity.ledger.messages.registry.StructureDetails;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureClosed;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureDetailsCorrected;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureRegistered;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureServicesChanged;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureVerified;
import gr.solidarity.ledger.messages.registry.StructureQueries;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureStatus;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureView;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;
import gr.solidarity.ledger.messages.registry.TargetGroup;
import gr.solidarity.ledger.projection.support.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Consumer;

import static gr.solidarity.ledger.projection.support.InMemoryMongo.all;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.appliedTo;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.inOneBatch;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.inOneBatchEachTwice;
import static gr.solidarity.ledger.projection.support.InMemoryMongo.retriedFromEveryEarlierEvent;
import static org.assertj.core.api.Assertions.assertThat;

class StructureRegistryProjectionTest {

    /** Half past midnight in Athens on 2 March 2026, still 1 March in UTC: the registration's day is Greece's. */
    static final Instant T0 = Instant.parse("2026-03-01T22:30:00Z");
    static final Municipality IOANNINA = new Municipality("1801", "Ιωαννιτών", "Ioannina", "18", "Ιωαννίνων",
            "Ioannina", "GR-D", "Epirus");
    static final Municipality KONITSA = new Municipality("1807", "Κόνιτσας", "Konitsa", "18", "Ιωαννίνων",
            "Ioannina", "GR-D", "Epirus");
    static final GeoPoint IOANNINA_CENTROID = new GeoPoint(39.66, 20.85);
    static final OpeningHours HOURS = new OpeningHours(List.of(
            new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(14, 0))),
            List.of(new Closure(LocalDate.of(2026, 8, 10), LocalDate.of(2026, 8, 20), "καλοκαίρι")));

    @RegisterExtension
    final InMemoryMongo inMemoryMongo = new InMemoryMongo();

    static StructureDetails grocery(String name, Municipality municipality, Integer beneficiaries) {
        return new StructureDetails(name, "Social grocery", StructureType.SOCIAL_GROCERY,
                List.of(TargetGroup.LOW_INCOME), new PostalAddress("Μιχαήλ Αγγέλου 3", "45221", "Ιωάννινα"),
                new GeoPoint(39.665, 20.853), municipality, IOANNINA_CENTROID, HOURS,
                new PremisesAccessibility(true, false, false, null),
                new ContactDetails("Ελένη", null, "+30 26510 11111"), beneficiaries, LocationVisibility.EXACT, true,
                "org-1");
    }

    static StructureDetails shelter() {
        return new StructureDetails("Ξενώνας Γυναικών", null, StructureType.SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE,
                List.of(TargetGroup.WOMEN_VICTIMS_OF_VIOLENCE), new PostalAddress("Κρυφή 1", null, "Ιωάννινα"),
                new GeoPoint(39.67, 20.86), IOANNINA, IOANNINA_CENTROID, OpeningHours.none(),
                PremisesAccessibility.unknown(), null, 12, LocationVisibility.MUNICIPALITY_ONLY, false, null);
    }

    static List<Consumer<StructureRegistryProjection>> history() {
        return List.of(
                p -> p.on(new StructureRegistered("grocery", grocery("Κοινωνικό Παντοπωλείο Ιωαννίνων", IOANNINA, 900),
                        List.of(StructureService.BASIC_GOODS)), T0, 0),
                p -> p.on(new StructureRegistered("shelter", shelter(), List.of(StructureService.HOUSING,
                        StructureService.COUNSELLING)), T0.plusSeconds(5), 0),
                p -> p.on(new StructureDetailsCorrected("grocery", grocery("Κοινωνικό Παντοπωλείο Κόνιτσας", KONITSA, 950)),
                        T0.plusSeconds(60), 1),
                p -> p.on(new StructureServicesChanged("grocery", List.of(StructureService.FEEDING,
                        StructureService.BASIC_GOODS), List.of(StructureService.FEEDING), List.of()),
                        T0.plusSeconds(70), 2),
                p -> p.on(new StructureVerified("grocery", LocalDate.of(2026, 3, 5), "Α. Κωστοπούλου", null),
                        T0.plusSeconds(80), 3),
                p -> p.on(new StructureVerified("grocery", LocalDate.of(2026, 3, 9), "Β. Λάμπρου", "τηλεφωνικά"),
                        T0.plusSeconds(90), 4),
                p -> p.on(new StructureClosed("shelter", LocalDate.of(2026, 3, 8), "μεταφορά"), T0.plusSeconds(100), 1),
                p -> p.on(new StructureVerified("nobody", LocalDate.of(2026, 3, 9), "Α. Κ.", null), T0.plusSeconds(110), 1));
    }

    @Test
    void everyEventLeavesTheStructureAsItStandsNow() {
        MongoTemplate mongo = new MongoTemplate(inMemoryMongo.client(), "test");
        appliedTo(history(), new StructureRegistryProjection(mongo)).forEach(Runnable::run);

        StructureView grocery = read(mongo, "grocery");
        assertThat(grocery.nameEl()).isEqualTo("Κοινωνικό Παντοπωλείο Κόνιτσας");
        assertThat(grocery.municipalityCode()).isEqualTo("1807");
        assertThat(grocery.municipalityNameEl()).isEqualTo("Κόνιτσας");
        assertThat(grocery.regionalUnitCode()).isEqualTo("18");
        assertThat(grocery.regionCode()).isEqualTo("GR-D");
        assertThat(grocery.beneficiariesServed()).isEqualTo(950);
        assertThat(grocery.services()).containsExactly(StructureService.FEEDING, StructureService.BASIC_GOODS);
        assertThat(grocery.openingHours()).isEqualTo(HOURS);
        assertThat(grocery.accessibility().stepFreeEntrance()).isTrue();
        assertThat(grocery.lastVerifiedOn()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(grocery.lastVerifiedBy()).isEqualTo("Β. Λάμπρου");
        assertThat(grocery.registeredOn()).as("the day in Greece").isEqualTo(LocalDate.of(2026, 3, 1).plusDays(1));
        assertThat(grocery.registeredAt()).isEqualTo(T0);
        assertThat(grocery.changedAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(grocery.status()).isEqualTo(StructureStatus.ACTIVE);
        assertThat(grocery.organisationId()).isEqualTo("org-1");
        assertThat(grocery.stale()).as("judged by the query, never stored").isNull();

        StructureView shelter = read(mongo, "shelter");
        assertThat(shelter.status()).isEqualTo(StructureStatus.CLOSED);
        assertThat(shelter.closedOn()).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(shelter.closureReason()).isEqualTo("μεταφορά");
        assertThat(shelter.locationVisibility()).isEqualTo(LocationVisibility.MUNICIPALITY_ONLY);
        assertThat(shelter.municipalityCentroid()).isEqualTo(IOANNINA_CENTROID);
        assertThat(shelter.lastVerifiedOn()).isNull();

        Document stored = mongo.findById("grocery", Document.class, StructureQueries.COLLECTION);
        assertThat(stored.getString("checkedOn")).isEqualTo("2026-03-09");
        assertThat(stored.getString("sortKey")).startsWith("κοινωνικο παντοπωλειο κονιτσασ");
        assertThat(mongo.findById("shelter", Document.class, StructureQueries.COLLECTION).getString("checkedOn"))
                .as("never verified: the day it was registered").isEqualTo("2026-03-02");
        assertThat(mongo.findById("nobody", Document.class, StructureQueries.COLLECTION)).isNull();
        Document closed = mongo.findById("shelter", Document.class, StructureQueries.COLLECTION);
        assertThat(closed.get("closedOn")).as("days as text, whatever the time zone").isEqualTo("2026-03-08");
        assertThat(stored.get("openingHours").toString()).contains("opens=12:00", "from=2026-08-10");
    }

    private static StructureView read(MongoTemplate mongo, String id) {
        return StructureDocuments.converter(mongo).read(StructureView.class,
                mongo.findById(id, Document.class, StructureQueries.COLLECTION));
    }

    @Test
    void eachEventHandledTwiceLeavesTheSameRegistry() {
        MongoTemplate once = new MongoTemplate(inMemoryMongo.client(), "once");
        MongoTemplate twice = new MongoTemplate(inMemoryMongo.client(), "twice");
        appliedTo(history(), new StructureRegistryProjection(once)).forEach(Runnable::run);
        appliedTo(history(), new StructureRegistryProjection(twice)).forEach(event -> {
            event.run();
            event.run();
        });
        assertThat(all(twice, StructureQueries.COLLECTION)).isEqualTo(all(once, StructureQueries.COLLECTION));
    }

    @Test
    void aRetriedBatchReappliesEarlierEventsAfterLaterOnes() {
        MongoTemplate once = new MongoTemplate(inMemoryMongo.client(), "once");
        MongoTemplate retried = new MongoTemplate(inMemoryMongo.client(), "retried");
        appliedTo(history(), new StructureRegistryProjection(once)).forEach(Runnable::run);
        retriedFromEveryEarlierEvent(appliedTo(history(), new StructureRegistryProjection(retried)));
        assertThat(all(retried, StructureQueries.COLLECTION)).isEqualTo(all(once, StructureQueries.COLLECTION));
    }

    @Test
    void oneBatchAndEveryEventTwiceInABatchLeaveTheSameDocumentsAsEventByEvent() {
        MongoTemplate oneByOne = new MongoTemplate(inMemoryMongo.client(), "one-by-one");
        MongoTemplate batched = new MongoTemplate(inMemoryMongo.client(), "batched");
        MongoTemplate batchedTwice = new MongoTemplate(inMemoryMongo.client(), "batched-twice");
        appliedTo(history(), new StructureRegistryProjection(oneByOne)).forEach(Runnable::run);
        inOneBatch(appliedTo(history(), new StructureRegistryProjection(batched)));
        inOneBatchEachTwice(appliedTo(history(), new StructureRegistryProjection(batchedTwice)));

        assertThat(all(oneByOne, StructureQueries.COLLECTION)).hasSize(2);
        assertThat(all(batched, StructureQueries.COLLECTION)).isEqualTo(all(oneByOne, StructureQueries.COLLECTION));
        assertThat(all(batchedTwice, StructureQueries.COLLECTION)).isEqualTo(all(oneByOne, StructureQueries.COLLECTION));
    }

    static StructureDetails shown(String name, LocationVisibility visibility) {
        StructureDetails d = grocery(name, IOANNINA, 100);
        return new StructureDetails(d.nameEl(), d.nameEn(), d.type(), d.targetGroups(), d.address(), d.location(),
                d.municipality(), d.municipalityCentroid(), d.openingHours(), d.accessibility(), d.contact(),
                d.beneficiariesServed(), visibility, d.inSolidarityNetwork(), d.organisationId());
    }

    /** Structures leaving public view: closed, hidden, hidden from the start, and hidden, shown and hidden again. */
    static List<Consumer<StructureRegistryProjection>> withdrawals() {
        List<StructureService> services = List.of(StructureService.BASIC_GOODS);
        return List.of(
                p -> p.on(new StructureRegistered("closed", shown("Κλειστό", LocationVisibility.EXACT), services),
                        T0, 0),
                p -> p.on(new StructureRegistered("hidden", shown("Κρυμμένο", LocationVisibility.EXACT), services),
                        T0.plusSeconds(1), 0),
                p -> p.on(new StructureRegistered("never", shown("Ποτέ", LocationVisibility.HIDDEN), services),
                        T0.plusSeconds(2), 0),
                p -> p.on(new StructureRegistered("again", shown("Ξανά", LocationVisibility.MUNICIPALITY_ONLY),
                        services), T0.plusSeconds(3), 0),
                p -> p.on(new StructureClosed("closed", LocalDate.of(2026, 3, 8), "μεταφορά"), T0.plusSeconds(100), 1),
                p -> p.on(new StructureDetailsCorrected("hidden", shown("Κρυμμένο", LocationVisibility.HIDDEN)),
                        T0.plusSeconds(110), 1),
                p -> p.on(new StructureDetailsCorrected("again", shown("Ξανά", LocationVisibility.HIDDEN)),
                        T0.plusSeconds(120), 1),
                p -> p.on(new StructureVerified("closed", LocalDate.of(2026, 3, 9), "Α. Κ.", null),
                        T0.plusSeconds(130), 2),
                p -> p.on(new StructureDetailsCorrected("hidden", shown("Κρυμμένο Νέο", LocationVisibility.HIDDEN)),
                        T0.plusSeconds(140), 2),
                p -> p.on(new StructureDetailsCorrected("again", shown("Ξανά", LocationVisibility.EXACT)),
                        T0.plusSeconds(150), 2),
                p -> p.on(new StructureDetailsCorrected("again", shown("Ξανά", LocationVisibility.HIDDEN)),
                        T0.plusSeconds(160), 3),
                p -> p.on(new StructureClosed("never", LocalDate.of(2026, 3, 9), "τέλος"), T0.plusSeconds(170), 1));
    }

    @Test
    void aStructureKeepsTheTimeItLeftPublicView() {
        MongoTemplate mongo = new MongoTemplate(inMemoryMongo.client(), "withdrawn");
        appliedTo(withdrawals(), new StructureRegistryProjection(mongo)).forEach(Runnable::run);

        assertThat(withdrawnAt(mongo, "closed")).as("the closure, not the later verification")
                .isEqualTo(T0.plusSeconds(100));
        assertThat(read(mongo, "closed").changedAt()).isEqualTo(T0.plusSeconds(130));
        assertThat(withdrawnAt(mongo, "hidden")).as("hidden at the first correction, not the second")
                .isEqualTo(T0.plusSeconds(110));
        assertThat(withdrawnAt(mongo, "never")).as("never in public view, so never withdrawn from it").isNull();
        assertThat(withdrawnAt(mongo, "again")).as("the last time it left").isEqualTo(T0.plusSeconds(160));
        assertThat(mongo.findById("grocery", Document.class, StructureQueries.COLLECTION)).isNull();
    }

    @Test
    void theTimeAStructureLeftPublicViewSurvivesEventsHandledTwiceRetriedOrBatched() {
        MongoTemplate once = new MongoTemplate(inMemoryMongo.client(), "w-once");
        MongoTemplate twice = new MongoTemplate(inMemoryMongo.client(), "w-twice");
        MongoTemplate retried = new MongoTemplate(inMemoryMongo.client(), "w-retried");
        MongoTemplate batched = new MongoTemplate(inMemoryMongo.client(), "w-batched");
        appliedTo(withdrawals(), new StructureRegistryProjection(once)).forEach(Runnable::run);
        appliedTo(withdrawals(), new StructureRegistryProjection(twice)).forEach(event -> {
            event.run();
            event.run();
        });
        retriedFromEveryEarlierEvent(appliedTo(withdrawals(), new StructureRegistryProjection(retried)));
        inOneBatchEachTwice(appliedTo(withdrawals(), new StructureRegistryProjection(batched)));

        assertThat(all(once, StructureQueries.COLLECTION)).hasSize(4);
        assertThat(all(twice, StructureQueries.COLLECTION)).isEqualTo(all(once, StructureQueries.COLLECTION));
        assertThat(all(retried, StructureQueries.COLLECTION)).isEqualTo(all(once, StructureQueries.COLLECTION));
        assertThat(all(batched, StructureQueries.COLLECTION)).isEqualTo(all(once, StructureQueries.COLLECTION));
    }

    private static Instant withdrawnAt(MongoTemplate mongo, String id) {
        Object at = mongo.findById(id, Document.class, StructureQueries.COLLECTION)
                .get(StructureRegistryProjection.WITHDRAWN_AT);
        return at == null ? null : ((java.util.Date) at).toInstant();
    }

    @Test
    void aResetEmptiesTheRegistry() {
        MongoTemplate mongo = new MongoTemplate(inMemoryMongo.client(), "reset");
        StructureRegistryProjection projection = new StructureRegistryProjection(mongo);
        appliedTo(history(), projection).forEach(Runnable::run);
        projection.reset();
        assertThat(all(mongo, StructureQueries.COLLECTION)).isEmpty();
    }
}
