package gr.solidarity.ledger.query.opendata;

import gr.solidarity.ledger.query.web.InvalidQueryException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a download's parameters accept, and the field a refusal names. */
class OpenDataParametersTest {

    @Test
    void modifiedAfterTakesAnInstantOrADay() {
        assertThat(OpenDataController.instant("2026-03-01T10:15:00Z")).isEqualTo(Instant.parse("2026-03-01T10:15:00Z"));
        assertThat(OpenDataController.instant("2026-03-01")).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(OpenDataController.instant(" ")).isNull();
        assertThatThrownBy(() -> OpenDataController.instant("yesterday"))
                .isInstanceOfSatisfying(InvalidQueryException.class,
                        e -> assertThat(e.field()).isEqualTo("modified_after"));
    }

    @Test
    void aYearIsAYear() {
        assertThat(OpenDataController.year("2025")).isEqualTo(2025);
        assertThat(OpenDataController.year(null)).isEqualTo(OpenDataController.today().minusMonths(1).getYear());
        assertThatThrownBy(() -> OpenDataController.year("twenty"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("year"));
    }
}
