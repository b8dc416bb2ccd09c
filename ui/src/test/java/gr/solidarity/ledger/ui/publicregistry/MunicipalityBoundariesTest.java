package gr.solidarity.ledger.ui.publicregistry;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class MunicipalityBoundariesTest {

    @Test
    void theReferenceBoundariesAreSimplifiedToAFewHundredKilobytesKeepingEveryMunicipality() throws IOException {
        byte[] source;
        try (InputStream in = getClass().getResourceAsStream(MunicipalityBoundaries.RESOURCE)) {
            source = in.readAllBytes();
        }
        MunicipalityBoundaries boundaries = MunicipalityBoundaries.fromReference();
        System.out.printf("Municipal boundaries: source %d kB, served %d kB, gzipped %d kB%n", source.length / 1024,
                boundaries.all().json().length / 1024, boundaries.all().gzipped().length / 1024);

        assertThat(boundaries.all().features()).isEqualTo(96);
        assertThat(boundaries.all().json().length).isLessThan(source.length / 3);
        assertThat(boundaries.all().gzipped().length).isLessThan(300 * 1024);
        try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(boundaries.all().gzipped()))) {
            assertThat(unzipped.readAllBytes()).isEqualTo(boundaries.all().json());
        }
        JsonNode collection = JsonMapper.builder().build().readTree(boundaries.all().json());
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        Set<String> codes = new HashSet<>();
        for (JsonNode feature : collection.get("features")) {
            codes.add(feature.get("properties").get("municipality_code").asString());
            assertThat(feature.get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
            for (JsonNode polygon : feature.get("geometry").get("coordinates")) {
                for (JsonNode ring : polygon) {
                    assertThat(ring.size()).isGreaterThanOrEqualTo(4);
                    assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1));
                    for (JsonNode point : ring) {
                        assertThat(point.get(0).asDouble()).isBetween(19.0, 30.0);
                        assertThat(point.get(1).asDouble()).isBetween(34.0, 42.0);
                    }
                }
            }
        }
        assertThat(codes).hasSize(96).contains("1801", "1901");
        assertThat(boundaries.all().etag()).startsWith("\"").endsWith("\"");
    }

    @Test
    void aRegionalUnitsMapGetsItsMunicipalitiesInDetailAndTheOthersAsOutlines() throws IOException {
        MunicipalityBoundaries boundaries = MunicipalityBoundaries.fromReference();
        MunicipalityBoundaries.Served ioannina = boundaries.around("18").orElseThrow();
        System.out.printf("Around Ioannina: %d kB, gzipped %d kB (all: %d kB, gzipped %d kB)%n",
                ioannina.json().length / 1024, ioannina.gzipped().length / 1024, boundaries.all().json().length / 1024,
                boundaries.all().gzipped().length / 1024);

        JsonNode collection = JsonMapper.builder().build().readTree(ioannina.json());
        Set<String> detailed = new HashSet<>();
        Set<String> outlined = new HashSet<>();
        for (JsonNode feature : collection.get("features")) {
            JsonNode properties = feature.get("properties");
            if (properties.path("outline").asBoolean(false)) {
                assertThat(properties.has("municipality_code")).isFalse();
                outlined.add(properties.get("regional_unit_code").asString());
            } else {
                assertThat(properties.get("regional_unit_code").asString()).isEqualTo("18");
                detailed.add(properties.get("municipality_code").asString());
            }
            for (JsonNode polygon : feature.get("geometry").get("coordinates")) {
                for (JsonNode ring : polygon) {
                    assertThat(ring.size()).isGreaterThanOrEqualTo(4);
                    assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1));
                }
            }
        }
        // Ioannina's eight municipalities, and the 88 of the 24 other regional units of the four regions as outlines
        assertThat(detailed).hasSize(8).contains("1801");
        assertThat(outlined).hasSize(24).doesNotContain("18").contains("19", "22");
        assertThat(ioannina.features()).isEqualTo(96);
        assertThat(ioannina.gzipped().length).isLessThan(boundaries.all().gzipped().length / 2);
        assertThat(ioannina.etag()).isNotEqualTo(boundaries.all().etag());
        assertThat(boundaries.around("18")).containsSame(ioannina);
        assertThat(boundaries.around("99")).isEmpty();
        assertThat(boundaries.around(null)).isEmpty();
    }
}
