package gr.solidarity.ledger.query.registry;

import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.registry.LocationVisibility;
import gr.solidarity.ledger.messages.registry.StructureQueries.FindNearestStructures;
import gr.solidarity.ledger.messages.registry.StructureQueries.FindPublicMunicipalities;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicMunicipality;
import gr.solidarity.ledger.messages.registry.StructureQueries.NearbyStructure;
import gr.solidarity.ledger.messages.registry.StructureQueries.NearestStructures;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureStatus;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureView;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

import gr.solidarity.ledger.messages.registry.OpeningHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static gr.solidarity.ledger.query.registry.StructureNearestIndex.haversineKm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class NearestStructuresTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    static final List<StructureView> REGISTRY = GeneratedRegistry.structures(10_000, 20260301L);

    @Test
    void onAThousandRandomQueriesTheOrderIsTheBruteForceHaversineRanking() {
        NearestStructuresQueryHandler handler = handler(REGISTRY);
        Random random = new Random(42);
        StructureType[] types = StructureType.values();
        StructureService[] services = StructureService.values();
        int compared = 0;
        for (int q = 0; q < 1_000; q++) {
            GeoPoint point = q % 10 == 0
                    // some points far outside the region, some on a municipality's centroid where many stand as one
                    ? new GeoPoint(-60 + random.nextDouble() * 130, -20 + random.nextDouble() * 80)
                    : q % 10 == 1 ? GeneratedRegistry.centroid(random.nextInt(GeneratedRegistry.MUNICIPALITIES))
                    : GeneratedRegistry.randomPoint(random);
            int k = 1 + random.nextInt(50);
            StructureType type = random.nextInt(3) == 0 ? types[random.nextInt(types.length)] : null;
            StructureService service = random.nextInt(3) == 0 ? services[random.nextInt(services.length)] : null;
            String regionalUnit = random.nextInt(5) == 0 ? GeneratedRegistry.regionalUnitCode(random.nextInt(8)) : null;
            String municipality = random.nextInt(8) == 0
                    ? GeneratedRegistry.municipalityCode(random.nextInt(GeneratedRegistry.MUNICIPALITIES)) : null;
            FindNearestStructures query = new FindNearestStructures(point.latitude(), point.longitude(), k,
                    regionalUnit, municipality, type, service, TODAY);

            List<NearbyStructure> found = handler.handle(query).items();
            List<String> expected = bruteForce(REGISTRY, query);

            assertThat(found).extracting(nearby -> nearby.structure().id()).as("query %d: %s", q, query)
                    .containsExactlyElementsOf(expected);
            for (NearbyStructure nearby : found) {
                assertThat(nearby.distanceKm()).isEqualTo(haversineKm(point.latitude(), point.longitude(),
                        nearby.structure().location().latitude(), nearby.structure().location().longitude()));
            }
            compared += expected.size();
        }
        assertThat(compared).as("the queries found something to compare").isGreaterThan(5_000);
    }

    @Test
    void filtersNarrowTheAnswerToMatchingStructures() {
        NearestStructuresQueryHandler handler = handler(REGISTRY);
        String regionalUnit = GeneratedRegistry.regionalUnitCode(3);
        NearestStructures groceries = handler.handle(new FindNearestStructures(39.6, 22.4, 50, regionalUnit, null,
                StructureType.SOCIAL_GROCERY, StructureService.FEEDING, TODAY));

        assertThat(groceries.items()).isNotEmpty().allSatisfy(nearby -> {
            assertThat(nearby.structure().type()).isEqualTo(StructureType.SOCIAL_GROCERY);
            assertThat(nearby.structure().services()).contains(StructureService.FEEDING);
            assertThat(nearby.structure().regionalUnitCode()).isEqualTo(regionalUnit);
        });
        assertThat(groceries.items()).extracting(NearbyStructure::distanceKm).isSorted();

        String municipality = GeneratedRegistry.municipalityCode(11);
        assertThat(handler.handle(new FindNearestStructures(39.6, 22.4, 50, null, municipality, null, null, TODAY))
                .items()).hasSize(50).allSatisfy(nearby ->
                assertThat(nearby.structure().municipalityCode()).isEqualTo(municipality));
    }

    @Test
    void aMunicipalityOnlyStructureStandsAtItsCentroidAndAHiddenOrClosedOneIsNeverFound() {
        GeoPoint larissaCentre = new GeoPoint(39.6390, 22.4191);
        GeoPoint shelterDoor = new GeoPoint(39.6400, 22.4200);
        List<StructureView> registry = List.of(
                GeneratedRegistry.view("shelter-1", "Ξενώνας", StructureType.SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE,
                        List.of(StructureService.HOUSING), shelterDoor, 5, LocationVisibility.MUNICIPALITY_ONLY,
                        StructureStatus.ACTIVE),
                GeneratedRegistry.view("shelter-2", "Κρυφός ξενώνας", StructureType.SHELTER_FOR_WOMEN_VICTIMS_OF_VIOLENCE,
                        List.of(StructureService.HOUSING), larissaCentre, 5, LocationVisibility.HIDDEN,
                        StructureStatus.ACTIVE),
                GeneratedRegistry.view("grocery-closed", "Κλειστό παντοπωλείο", StructureType.SOCIAL_GROCERY,
                        List.of(StructureService.FEEDING), larissaCentre, 5, LocationVisibility.EXACT,
                        StructureStatus.CLOSED),
                GeneratedRegistry.view("grocery-1", "Παντοπωλείο", StructureType.SOCIAL_GROCERY,
                        List.of(StructureService.FEEDING), new GeoPoint(39.70, 22.50), 6, LocationVisibility.EXACT,
                        StructureStatus.ACTIVE));

        List<NearbyStructure> found = handler(registry).handle(new FindNearestStructures(larissaCentre.latitude(),
                larissaCentre.longitude(), 10, null, null, null, null, TODAY)).items();

        assertThat(found).extracting(nearby -> nearby.structure().id())
                .containsExactlyInAnyOrder("shelter-1", "grocery-1");
        NearbyStructure shelter = found.stream().filter(n -> n.structure().id().equals("shelter-1")).findFirst()
                .orElseThrow();
        GeoPoint centroid = GeneratedRegistry.centroid(5);
        assertThat(shelter.structure().location()).isEqualTo(centroid);
        assertThat(shelter.structure().exactLocation()).isFalse();
        assertThat(shelter.structure().address()).isNull();
        assertThat(shelter.structure().contact()).isNull();
        assertThat(shelter.distanceKm()).isEqualTo(haversineKm(larissaCentre.latitude(), larissaCentre.longitude(),
                centroid.latitude(), centroid.longitude()));
    }

    @Test
    void theMunicipalitiesOfferedAreThoseWithAStructureShownEachWithItsCentroid() {
        List<StructureView> registry = List.of(
                GeneratedRegistry.view("a", "Α", StructureType.SOCIAL_GROCERY, List.of(), new GeoPoint(39, 22), 1,
                        LocationVisibility.EXACT, StructureStatus.ACTIVE),
                GeneratedRegistry.view("b", "Β", StructureType.SOCIAL_GROCERY, List.of(), new GeoPoint(39, 22), 2,
                        LocationVisibility.MUNICIPALITY_ONLY, StructureStatus.ACTIVE),
                GeneratedRegistry.view("c", "Γ", StructureType.HOMELESS_SHELTER, List.of(), new GeoPoint(39, 22), 3,
                        LocationVisibility.HIDDEN, StructureStatus.ACTIVE),
                GeneratedRegistry.view("d", "Δ", StructureType.SOCIAL_GROCERY, List.of(), new GeoPoint(39, 22), 4,
                        LocationVisibility.EXACT, StructureStatus.CLOSED),
                GeneratedRegistry.view("e", "Ε", StructureType.SOCIAL_GROCERY, List.of(), new GeoPoint(39, 22), 9,
                        LocationVisibility.EXACT, StructureStatus.ACTIVE));
        NearestStructuresQueryHandler handler = handler(registry);

        assertThat(handler.handle(new FindPublicMunicipalities(null)).items())
                .extracting(PublicMunicipality::code, PublicMunicipality::centroid)
                .containsExactly(tuple(GeneratedRegistry.municipalityCode(1), GeneratedRegistry.centroid(1)),
                        tuple(GeneratedRegistry.municipalityCode(2), GeneratedRegistry.centroid(2)),
                        tuple(GeneratedRegistry.municipalityCode(9), GeneratedRegistry.centroid(9)));
        assertThat(handler.handle(new FindPublicMunicipalities(GeneratedRegistry.regionalUnitCode(1))).items())
                .extracting(PublicMunicipality::code)
                .containsExactly(GeneratedRegistry.municipalityCode(1), GeneratedRegistry.municipalityCode(9));
    }

    @Test
    void openNowLeavesOutWhatIsClosedAtThatInstantOrHasNoHours() {
        OpeningHours mondayMornings = new OpeningHours(List.of(new OpeningHours.WeeklyPeriod(DayOfWeek.MONDAY,
                LocalTime.of(9, 0), LocalTime.of(13, 0))), List.of());
        OpeningHours tuesdayMornings = new OpeningHours(List.of(new OpeningHours.WeeklyPeriod(DayOfWeek.TUESDAY,
                LocalTime.of(9, 0), LocalTime.of(13, 0))), List.of());
        GeoPoint here = new GeoPoint(39.64, 22.42);
        List<StructureView> registry = List.of(
                withHours(GeneratedRegistry.view("monday", "Δευτέρα", StructureType.SOCIAL_GROCERY, List.of(),
                        here, 1, LocationVisibility.EXACT, StructureStatus.ACTIVE), mondayMornings),
                withHours(GeneratedRegistry.view("tuesday", "Τρίτη", StructureType.SOCIAL_GROCERY, List.of(),
                        here, 1, LocationVisibility.EXACT, StructureStatus.ACTIVE), tuesdayMornings),
                GeneratedRegistry.view("unknown", "Άγνωστο", StructureType.SOCIAL_GROCERY, List.of(), here, 1,
                        LocationVisibility.EXACT, StructureStatus.ACTIVE));
        NearestStructuresQueryHandler handler = handler(registry);
        Instant mondayTen = Instant.parse("2026-03-02T08:00:00Z");

        assertThat(handler.handle(new FindNearestStructures(39.6, 22.4, 10, null, null, null, null, TODAY,
                mondayTen)).items()).extracting(nearby -> nearby.structure().id()).containsExactly("monday");
        assertThat(handler.handle(new FindNearestStructures(39.6, 22.4, 10, null, null, null, null, TODAY,
                mondayTen.plus(Duration.ofDays(1)))).items()).extracting(nearby -> nearby.structure().id())
                .containsExactly("tuesday");
        assertThat(handler.handle(new FindNearestStructures(39.6, 22.4, 10, null, null, null, null, TODAY,
                null)).items()).hasSize(3);
    }

    static StructureView withHours(StructureView v, OpeningHours hours) {
        return new StructureView(v.id(), v.nameEl(), v.nameEn(), v.type(), v.services(), v.targetGroups(),
                v.address(), v.location(), v.municipalityCode(), v.municipalityNameEl(), v.municipalityNameEn(),
                v.regionalUnitCode(), v.regionalUnitNameEl(), v.regionalUnitNameEn(), v.regionCode(),
                v.regionNameEn(), v.municipalityCentroid(), hours, v.accessibility(), v.contact(),
                v.beneficiariesServed(), v.locationVisibility(), v.inSolidarityNetwork(), v.organisationId(),
                v.status(), v.closedOn(), v.closureReason(), v.lastVerifiedOn(), v.lastVerifiedBy(),
                v.registeredOn(), v.registeredAt(), v.changedAt(), v.stale());
    }

    @Test
    void theIndexIsPackedAgainOnlyWhenTheViewHasMovedOn() {
        AtomicInteger reads = new AtomicInteger();
        AtomicLong position = new AtomicLong(7);
        List<StructureView> registry = new ArrayList<>(GeneratedRegistry.structures(100, 1));
        NearestStructuresQueryHandler handler = new NearestStructuresQueryHandler(() -> {
            reads.incrementAndGet();
            return List.copyOf(registry);
        }, () -> OptionalLong.of(position.get()), System::nanoTime);
        FindNearestStructures query = new FindNearestStructures(39.6, 22.4, 3, null, null, null, null, TODAY);

        handler.handle(query);
        handler.handle(query);
        assertThat(reads).hasValue(1);

        registry.add(GeneratedRegistry.view("new-one", "Νέα", StructureType.SOCIAL_GROCERY, List.of(),
                new GeoPoint(39.6, 22.4), 1, LocationVisibility.EXACT, StructureStatus.ACTIVE));
        position.set(8);
        assertThat(handler.handle(query).items().get(0).structure().id()).isEqualTo("new-one");
        assertThat(reads).hasValue(2);
    }

    @Test
    void withoutAPositionToGoByTheIndexIsPackedAgainAfterTwoSeconds() {
        AtomicInteger reads = new AtomicInteger();
        AtomicLong now = new AtomicLong(0);
        NearestStructuresQueryHandler handler = new NearestStructuresQueryHandler(() -> {
            reads.incrementAndGet();
            return REGISTRY.subList(0, 10);
        }, OptionalLong::empty, now::get);
        handler.index();
        now.set(1_999_000_000L);
        handler.index();
        assertThat(reads).hasValue(1);
        now.set(2_000_000_000L);
        handler.index();
        assertThat(reads).hasValue(2);
    }

    @Test
    void theBoundOfABoxIsNeverMoreThanTheDistanceToAnyPointInIt() {
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            GeoPoint p = new GeoPoint(-80 + random.nextDouble() * 160, -179 + random.nextDouble() * 358);
            double lon1 = -179 + random.nextDouble() * 358;
            double lat1 = -80 + random.nextDouble() * 160;
            Envelope box = new Envelope(lon1, Math.min(180, lon1 + random.nextDouble() * 20), lat1,
                    Math.min(85, lat1 + random.nextDouble() * 20));
            double bound = StructureNearestIndex.lowerBoundKm(p.latitude(), p.longitude(), box);
            for (int j = 0; j < 20; j++) {
                double lat = box.getMinY() + random.nextDouble() * box.getHeight();
                double lon = box.getMinX() + random.nextDouble() * box.getWidth();
                assertThat(bound).isLessThanOrEqualTo(haversineKm(p.latitude(), p.longitude(), lat, lon));
            }
        }
    }

    static NearestStructuresQueryHandler handler(List<StructureView> registry) {
        return new NearestStructuresQueryHandler(() -> registry, () -> OptionalLong.of(1), System::nanoTime);
    }

    /** Every public structure passing the filters, by haversine distance from where its card places it, then id. */
    static List<String> bruteForce(List<StructureView> registry, FindNearestStructures query) {
        Predicate<StructureView> passes = view -> view.status() == StructureStatus.ACTIVE
                && view.locationVisibility() != LocationVisibility.HIDDEN
                && (query.type() == null || view.type() == query.type())
                && (query.service() == null || view.services().contains(query.service()))
                && (query.regionalUnitCode() == null || query.regionalUnitCode().equals(view.regionalUnitCode()))
                && (query.municipalityCode() == null || query.municipalityCode().equals(view.municipalityCode()));
        record Ranked(String id, double km) {
        }
        return registry.stream().filter(passes)
                .map(view -> {
                    GeoPoint at = view.locationVisibility() == LocationVisibility.EXACT ? view.location()
                            : view.municipalityCentroid();
                    return new Ranked(view.id(), haversineKm(query.latitude(), query.longitude(), at.latitude(),
                            at.longitude()));
                })
                .sorted(Comparator.comparingDouble(Ranked::km).thenComparing(Ranked::id))
                .limit(query.k())
                .map(Ranked::id)
                .toList();
    }
}
