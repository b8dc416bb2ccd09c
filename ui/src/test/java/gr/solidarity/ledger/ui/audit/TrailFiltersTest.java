package gr.solidarity.ledger.ui.audit;

import gr.solidarity.ledger.messages.audit.AuditQueries.FindAuditEntries;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trail's filters as typed: moments in Athens time, the end of a period included whole, the same query for the
 * page and its exports, and what cannot be asked refused at its field.
 */
class TrailFiltersTest {

    private static final Locale GREEK = Locale.forLanguageTag("el");
    private final StaticMessageSource messages = new StaticMessageSource();

    TrailFiltersTest() {
        messages.addMessage("audit.error.type", GREEK, "τύπος");
        messages.addMessage("audit.error.moment", GREEK, "στιγμή");
        messages.addMessage("audit.error.order", GREEK, "σειρά");
    }

    private static TrailFilters typed(Map<String, String> values) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        values.forEach(parameters::add);
        return TrailFilters.of(parameters);
    }

    @Test
    void momentsAreAthensTimeAndTheLastMinuteOfAPeriodCountsWhole() {
        TrailFilters filters = typed(Map.of("from", "2026-12-01T09:30", "to", "2026-12-01T10:00",
                "type", "AllocationApproved", "organisation", "org-1", "entity", " ", "actor", "officer"));
        assertThat(filters.errors(messages, GREEK).any()).isFalse();
        FindAuditEntries query = filters.query(50, 1234L);
        // December: Athens is two hours ahead of UTC
        assertThat(query.from()).isEqualTo(Instant.parse("2026-12-01T07:30:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-12-01T08:00:59.999999999Z"));
        assertThat(query.eventType()).isEqualTo("AllocationApproved");
        assertThat(query.organisationId()).isEqualTo("org-1");
        assertThat(query.actor()).isEqualTo("officer");
        assertThat(query.entityId()).isNull();
        assertThat(query.limit()).isEqualTo(50);
        assertThat(query.beforePosition()).isEqualTo(1234L);
    }

    @Test
    void aMomentTypedToTheSecondEndsWithThatSecond() {
        FindAuditEntries query = typed(Map.of("to", "2026-07-01T10:00:05")).query(50, null);
        assertThat(query.to()).isEqualTo(Instant.parse("2026-07-01T07:00:05.999999999Z"));
    }

    @Test
    void theLinksOfThePageCarryTheSameFilters() {
        TrailFilters filters = typed(Map.of("type", "PledgeMade", "actor", "Ελένη", "from", "2026-12-01T09:30"));
        TrailFilters again = typed(org.springframework.web.util.UriComponentsBuilder.fromUriString(
                "/audit?" + filters.queryString()).build(true).getQueryParams().toSingleValueMap().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, entry ->
                        org.springframework.web.util.UriUtils.decode(entry.getValue(), "UTF-8"))));
        assertThat(again).isEqualTo(filters);
        assertThat(typed(Map.of()).queryString()).isEmpty();
        assertThat(typed(Map.of()).any()).isFalse();
    }

    @Test
    void anUnknownEventTypeAMalformedMomentAndAPeriodBackwardsAreRefusedAtTheirFields() {
        var errors = typed(Map.of("type", "NoSuchEvent", "to", "yesterday")).errors(messages, GREEK);
        assertThat(errors.of("type")).isEqualTo("τύπος");
        assertThat(errors.of("to")).isEqualTo("στιγμή");
        var backwards = typed(Map.of("from", "2026-12-02T10:00", "to", "2026-12-01T10:00")).errors(messages, GREEK);
        assertThat(backwards.of("from")).isEqualTo("σειρά");
        assertThat(backwards.has("to")).isFalse();
    }
}
