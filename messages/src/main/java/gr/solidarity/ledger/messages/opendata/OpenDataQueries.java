package gr.solidarity.ledger.messages.opendata;

import gr.solidarity.ledger.messages.registry.StructureQueries.PublicStructure;
import gr.solidarity.ledger.messages.registry.StructureType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the observatory publishes for anyone: indicators of the registry and of what the network distributed, the
 * transparency table under its privacy rule, and the registry's public cards for download. Nothing here names an
 * organisation that received goods, and nothing shows a structure finer than its public card does.
 */
public final class OpenDataQueries {

    /** The indicator codes of the distribution table; quantities are {@code QUANTITY_} + the unit's code. */
    public static final String DELIVERIES = "DELIVERIES";
    public static final String BENEFICIARIES = "BENEFICIARIES";
    public static final String QUANTITY = "QUANTITY_";

    /**
     * The period of a row total: the whole year, published only once the year has ended. The column totals are for
     * the whole area: no municipality.
     */
    public static final String WHOLE_YEAR = "YEAR";

    private OpenDataQueries() {
    }

    /**
     * Structures and the beneficiaries they serve, per regional unit, municipality and type, counted over the public
     * cards: a hidden or closed structure counts nowhere.
     *
     * @param today the reference date
     */
    public record FindStructureIndicators(LocalDate today) {
    }

    /** @param beneficiaries the beneficiaries the structures declared they serve (those that declared none add 0) */
    public record StructureIndicatorRow(String regionalUnitCode, String regionalUnitNameEl, String regionalUnitNameEn,
                                        String municipalityCode, String municipalityNameEl,
                                        String municipalityNameEn, StructureType type, long structures,
                                        long beneficiaries) {
    }

    /** Ordered by regional unit code, municipality code and type. */
    public record StructureIndicators(LocalDate referenceDate, List<StructureIndicatorRow> rows) {
    }

    /**
     * What the network distributed in one calendar year, per municipality of the receiving structure and month, with
     * the small figures withheld under the privacy rule. Only months that have ended by the reference date count.
     */
    public record FindTransparencyTable(int year, LocalDate referenceDate) {
    }

    public record TransparencyMunicipality(String code, String nameEl, String nameEn, String regionalUnitCode,
                                           String regionalUnitNameEl, String regionalUnitNameEn) {
    }

    /**
     * One published figure.
     *
     * @param municipalityCode null for the whole area (a column total)
     * @param period           a month (yyyy-MM), or {@link #WHOLE_YEAR} for a row total of a year that has ended
     * @param value            null when withheld
     * @param withheld         whether the privacy rule withholds it
     */
    public record TransparencyFigure(String municipalityCode, String period, String indicator, BigDecimal value,
                                     boolean withheld) {
    }

    /**
     * The whole table, margins included; every download of it says the same.
     *
     * @param k           the threshold for figures about anyone
     * @param kSensitive  the threshold for figures that concern a sensitive structure type or target group
     * @param periods     the months, in order
     * @param indicators  the indicators, in order: deliveries, beneficiaries, then quantities per unit
     */
    public record TransparencyTable(int year, LocalDate referenceDate, int k, int kSensitive, List<String> periods,
                                    List<TransparencyMunicipality> municipalities, List<String> indicators,
                                    List<TransparencyFigure> figures) {

        /**
         * Whether the year had ended by the reference date. Only then does the table hold totals for the whole year
         * ({@link #WHOLE_YEAR}): before, they would grow from one release to the next and give away the newest month.
         */
        public boolean yearEnded() {
            return year < referenceDate.getYear();
        }
    }

    /**
     * The public cards of the registry for download, optionally only those changed after an instant (an incremental
     * pull).
     *
     * @param modifiedAfter null for all
     */
    public record FindOpenStructures(Instant modifiedAfter, LocalDate today) {
    }

    /** A public card and when its structure last changed. */
    public record OpenStructure(PublicStructure card, Instant changedAt) {
    }

    /**
     * A structure that left public view after the instant of an incremental pull, so that whoever holds it deletes
     * it: only its id, when it left and why, nothing else of a structure no longer public.
     *
     * @param reason {@link #CLOSED} or {@link #NOT_PUBLIC}
     */
    public record WithdrawnStructure(String id, Instant withdrawnAt, String reason) {
        public static final String CLOSED = "closed";
        public static final String NOT_PUBLIC = "not_public";
    }

    /**
     * Ordered by id.
     *
     * @param withdrawals only in an incremental pull: the structures that left public view after its instant
     */
    public record OpenStructures(LocalDate referenceDate, List<OpenStructure> items,
                                 List<WithdrawnStructure> withdrawals) {

        public OpenStructures(LocalDate referenceDate, List<OpenStructure> items) {
            this(referenceDate, items, List.of());
        }
    }
}
