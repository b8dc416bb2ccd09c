package gr.solidarity.ledger.query.geography;

import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.geography.GeographyQueries.FindMunicipalities;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class GeographyQueryHandlerTest {

    private final GeographyQueryHandler handler = new GeographyQueryHandler();

    @Test
    void everyMunicipalityOfGreeceIsListedByRegionalUnit() {
        Municipality[] all = handler.handle(new FindMunicipalities(null));
        assertThat(all).hasSize(332);
        assertThat(Arrays.stream(all).map(Municipality::regionalUnitCode).distinct()).hasSize(74);
        assertThat(all).isSortedAccordingTo(java.util.Comparator.comparing(Municipality::regionalUnitCode)
                .thenComparing(Municipality::code));
    }

    @Test
    void theMunicipalitiesOfOneRegionalUnitAreAskedByItsCode() {
        Municipality[] ioannina = handler.handle(new FindMunicipalities(" 18 "));
        assertThat(ioannina).extracting(Municipality::regionalUnitCode).containsOnly("18");
        assertThat(ioannina[0]).isEqualTo(new Municipality("1801", "Ιωαννιτών", "Ioannina", "18", "Ιωαννίνων",
                "Ioannina", "GR-D", "Epirus"));
        assertThat(handler.handle(new FindMunicipalities("no-such-unit"))).isEmpty();
    }
}
