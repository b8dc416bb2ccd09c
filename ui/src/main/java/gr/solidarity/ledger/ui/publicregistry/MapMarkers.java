package gr.solidarity.ledger.ui.publicregistry;

import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicMunicipality;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicStructure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the public map shows for a set of public cards: one marker per structure, at the place its card shows (so a
 * structure shown at municipality level stands exactly at its municipality's centroid), or, beyond
 * {@link #CLUSTER_ABOVE} structures, one marker per municipality at its centroid with how many there are, since a
 * browser drawing thousands of markers is slow and no one can tell them apart at the scale of a region.
 */
public final class MapMarkers {

    /** More structures than this are shown one marker per municipality. */
    public static final int CLUSTER_ABOVE = 300;

    private MapMarkers() {
    }

    /**
     * @param openNow null when the structure's hours are not known
     */
    public record Marker(String id, String nameEl, String nameEn, String typeEl, String typeEn, double lat,
                         double lon, boolean exact, Boolean openNow, boolean stale) {
    }

    public record Cluster(String municipalityCode, String nameEl, String nameEn, double lat, double lon, int count) {
    }

    /** Either markers (not clustered) or clusters; {@code total} is the number of structures either way. */
    public record MapData(int total, boolean clustered, List<Marker> markers, List<Cluster> clusters) {
    }

    public static MapData of(List<PublicStructure> cards, List<PublicMunicipality> municipalities, Instant now,
                             int clusterAbove) {
        if (cards.size() <= clusterAbove) {
            List<Marker> markers = new ArrayList<>(cards.size());
            for (PublicStructure card : cards) {
                if (card.location() == null) {
                    continue;
                }
                boolean known = card.openingHours() != null && !card.openingHours().weekly().isEmpty();
                markers.add(new Marker(card.id(), card.nameEl(), card.nameEn(), card.type().labelEl(),
                        card.type().labelEn(), card.location().latitude(), card.location().longitude(),
                        card.exactLocation(), known ? card.openingHours().openAt(now) : null, card.stale()));
            }
            return new MapData(markers.size(), false, markers, List.of());
        }
        Map<String, PublicMunicipality> byCode = new LinkedHashMap<>();
        for (PublicMunicipality municipality : municipalities) {
            byCode.put(municipality.code(), municipality);
        }
        record Tally(PublicStructure first, int[] count, double[] sums) {
        }
        Map<String, Tally> tallies = new LinkedHashMap<>();
        int total = 0;
        for (PublicStructure card : cards) {
            if (card.location() == null) {
                continue;
            }
            total++;
            Tally tally = tallies.computeIfAbsent(card.municipalityCode(),
                    code -> new Tally(card, new int[1], new double[2]));
            tally.count()[0]++;
            tally.sums()[0] += card.location().latitude();
            tally.sums()[1] += card.location().longitude();
        }
        List<Cluster> clusters = new ArrayList<>(tallies.size());
        tallies.forEach((code, tally) -> {
            PublicMunicipality municipality = byCode.get(code);
            int count = tally.count()[0];
            // the centroid every card of the municipality is placed at; the mean of the cards' places only if unknown
            GeoPoint at = municipality != null && municipality.centroid() != null ? municipality.centroid()
                    : new GeoPoint(tally.sums()[0] / count, tally.sums()[1] / count);
            clusters.add(new Cluster(code, tally.first().municipalityNameEl(), tally.first().municipalityNameEn(),
                    at.latitude(), at.longitude(), count));
        });
        return new MapData(total, true, List.of(), clusters);
    }
}
