package gr.solidarity.ledger.ui.publicregistry;

import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.registry.OpeningHours;
import gr.solidarity.ledger.messages.registry.OpeningHours.WeeklyPeriod;
import gr.solidarity.ledger.messages.registry.PremisesAccessibility;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicMunicipality;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicStructure;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;
import gr.solidarity.ledger.ui.publicregistry.MapMarkers.Cluster;
import gr.solidarity.ledger.ui.publicregistry.MapMarkers.MapData;
import gr.solidarity.ledger.ui.publicregistry.MapMarkers.Marker;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MapMarkersTest {

    static final Instant MONDAY_TEN = Instant.parse("2026-03-02T08:00:00Z");
    static final GeoPoint IOANNINA = new GeoPoint(39.66, 20.85);
    static final GeoPoint ARTA = new GeoPoint(39.16, 20.98);
    static final List<PublicMunicipality> MUNICIPALITIES = List.of(
            new PublicMunicipality("1801", "Ιωαννιτών", "Ioannina", "18", "Ιωαννίνων", "Ioannina", IOANNINA),
            new PublicMunicipality("1901", "Αρταίων", "Arta", "19", "Άρτας", "Arta", ARTA));
    static final OpeningHours MONDAYS = new OpeningHours(List.of(new WeeklyPeriod(DayOfWeek.MONDAY,
            LocalTime.of(9, 0), LocalTime.of(13, 0))), List.of());

    static PublicStructure card(String id, String municipality, GeoPoint at, boolean exact, OpeningHours hours) {
        return new PublicStructure(id, "Δομή " + id, "Structure " + id, StructureType.SOCIAL_GROCERY,
                List.of(StructureService.FEEDING), List.of(), municipality,
                municipality.equals("1801") ? "Ιωαννιτών" : "Αρταίων", municipality.equals("1801") ? "Ioannina" : "Arta",
                municipality.substring(0, 2), "ΠΕ", "RU", at, exact, null, null, hours,
                PremisesAccessibility.unknown(), null, false, null, false);
    }

    @Test
    void upToTheThresholdEveryStructureIsAMarkerWhereItsCardPlacesIt() {
        List<PublicStructure> cards = List.of(
                card("a", "1801", new GeoPoint(39.665, 20.853), true, MONDAYS),
                card("b", "1801", IOANNINA, false, OpeningHours.none()),
                card("c", "1901", new GeoPoint(39.161, 20.986), true, null));

        MapData map = MapMarkers.of(cards, MUNICIPALITIES, MONDAY_TEN, 3);

        assertThat(map.clustered()).isFalse();
        assertThat(map.total()).isEqualTo(3);
        assertThat(map.clusters()).isEmpty();
        assertThat(map.markers()).extracting(Marker::id, Marker::lat, Marker::lon, Marker::exact, Marker::openNow)
                .containsExactly(tuple("a", 39.665, 20.853, true, true),
                        // shown at municipality level: exactly at the centroid its card gives, no finer
                        tuple("b", IOANNINA.latitude(), IOANNINA.longitude(), false, null),
                        tuple("c", 39.161, 20.986, true, null));
        assertThat(MapMarkers.of(cards, MUNICIPALITIES, MONDAY_TEN.plusSeconds(86_400), 3).markers())
                .extracting(Marker::openNow).containsExactly(false, null, null);
    }

    @Test
    void beyondTheThresholdOneMarkerPerMunicipalityAtItsCentroidWithTheCount() {
        List<PublicStructure> cards = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cards.add(card("i" + i, "1801", new GeoPoint(39.6 + i / 100.0, 20.8), true, null));
        }
        cards.add(card("x", "1801", IOANNINA, false, null));
        cards.add(card("a1", "1901", new GeoPoint(39.17, 20.99), true, null));

        MapData map = MapMarkers.of(cards, MUNICIPALITIES, MONDAY_TEN, 6);

        assertThat(map.clustered()).isTrue();
        assertThat(map.total()).isEqualTo(7);
        assertThat(map.markers()).as("no single structure's place when clustered").isEmpty();
        assertThat(map.clusters()).extracting(Cluster::municipalityCode, Cluster::count, Cluster::lat, Cluster::lon)
                .containsExactly(tuple("1801", 6, IOANNINA.latitude(), IOANNINA.longitude()),
                        tuple("1901", 1, ARTA.latitude(), ARTA.longitude()));
        assertThat(MapMarkers.of(cards, MUNICIPALITIES, MONDAY_TEN, 7).clustered()).as("7 is not beyond 7").isFalse();
    }

    @Test
    void theThresholdIsAFewHundred() {
        assertThat(MapMarkers.CLUSTER_ABOVE).isBetween(200, 500);
        List<PublicStructure> many = new ArrayList<>();
        for (int i = 0; i <= MapMarkers.CLUSTER_ABOVE; i++) {
            many.add(card("s" + i, i % 2 == 0 ? "1801" : "1901", IOANNINA, false, null));
        }
        assertThat(MapMarkers.of(many.subList(0, MapMarkers.CLUSTER_ABOVE), MUNICIPALITIES, MONDAY_TEN,
                MapMarkers.CLUSTER_ABOVE).clustered()).isFalse();
        MapData clustered = MapMarkers.of(many, MUNICIPALITIES, MONDAY_TEN, MapMarkers.CLUSTER_ABOVE);
        assertThat(clustered.clustered()).isTrue();
        assertThat(clustered.clusters()).extracting(Cluster::count).containsExactly(151, 150);
    }
}
