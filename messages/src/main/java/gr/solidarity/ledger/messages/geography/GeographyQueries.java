package gr.solidarity.ledger.messages.geography;

/**
 * Queries on the reference geography of Greece: the 332 municipalities (Kleisthenis, 2019) of the file bundled in
 * {@code /geography/municipalities.csv}, the same file the command side checks municipality codes against.
 */
public final class GeographyQueries {

    private GeographyQueries() {
    }

    /**
     * Municipalities ordered by regional unit code and municipality code, answered as an array of
     * {@link gr.solidarity.ledger.messages.common.Municipality}.
     *
     * @param regionalUnitCode only the municipalities of this regional unit (e.g. "18", Ioannina); all when null
     */
    public record FindMunicipalities(String regionalUnitCode) {
    }
}
