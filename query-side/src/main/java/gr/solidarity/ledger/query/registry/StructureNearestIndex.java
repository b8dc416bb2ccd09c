package gr.solidarity.ledger.query.registry;

import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.registry.LocationVisibility;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicMunicipality;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureStatus;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureView;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.AbstractNode;
import org.locationtech.jts.index.strtree.Boundable;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.STRtree;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * The public structures of the registry in an R-tree (JTS's STRtree, packed once, read-only afterwards, so any number
 * of threads may search it), each at the point its public card shows: its own location when that is public, its
 * municipality's centroid when only the municipality is, nowhere when it is hidden or closed.
 * <p>
 * The tree's boxes are in degrees, where distances are not great-circle distances, so its own nearest-neighbour search
 * would not rank by them. The search here walks the tree best first, ordering nodes by a lower bound of the
 * great-circle distance from the point to anything in their box, and structures by their haversine distance; a
 * structure leaves the queue only when no node left could hold anything nearer, so the order is the haversine order.
 */
public final class StructureNearestIndex {

    /** Mean Earth radius (IUGG), km. */
    static final double EARTH_RADIUS_KM = 6371.0088;
    /** Rounding in the bound must never make it exceed a true distance. */
    private static final double BOUND_SLACK_KM = 1e-9;

    public record Nearby(StructureView structure, double distanceKm) {
    }

    private record Entry(StructureView structure, double latitude, double longitude) {
    }

    /** A node (with the lower bound of its box) or a structure (with its distance) waiting in the search. */
    private record Candidate(double distanceKm, Object node, Entry entry) {
    }

    private static final Comparator<Candidate> ORDER = Comparator.comparingDouble(Candidate::distanceKm)
            // at equal distance a node opens first: it may hold a structure as far with a smaller id
            .thenComparing(candidate -> candidate.entry() == null ? 0 : 1)
            .thenComparing(candidate -> candidate.entry() == null ? "" : candidate.entry().structure().id());

    private final STRtree tree;
    private final int size;
    private final List<PublicMunicipality> municipalities;

    private StructureNearestIndex(STRtree tree, int size, List<PublicMunicipality> municipalities) {
        this.tree = tree;
        this.size = size;
        this.municipalities = municipalities;
    }

    /** Packs the structures that have a public place; the others are left out. */
    public static StructureNearestIndex of(Collection<StructureView> structures) {
        STRtree tree = new STRtree();
        int size = 0;
        Map<String, PublicMunicipality> municipalities = new HashMap<>();
        for (StructureView structure : structures) {
            GeoPoint shown = shownLocation(structure);
            if (shown != null) {
                tree.insert(new Envelope(shown.longitude(), shown.longitude(), shown.latitude(), shown.latitude()),
                        new Entry(structure, shown.latitude(), shown.longitude()));
                size++;
                if (structure.municipalityCode() != null && structure.municipalityCentroid() != null) {
                    municipalities.putIfAbsent(structure.municipalityCode(), new PublicMunicipality(
                            structure.municipalityCode(), structure.municipalityNameEl(),
                            structure.municipalityNameEn(), structure.regionalUnitCode(),
                            structure.regionalUnitNameEl(), structure.regionalUnitNameEn(),
                            structure.municipalityCentroid()));
                }
            }
        }
        tree.build();
        Collator greek = Collator.getInstance(Locale.forLanguageTag("el"));
        List<PublicMunicipality> byName = new ArrayList<>(municipalities.values());
        byName.sort(Comparator.comparing(PublicMunicipality::nameEl, Comparator.nullsLast(greek))
                .thenComparing(PublicMunicipality::code));
        return new StructureNearestIndex(tree, size, List.copyOf(byName));
    }

    /** Where the public card places a structure; null when it is not shown at all. */
    static GeoPoint shownLocation(StructureView structure) {
        if (structure.status() != StructureStatus.ACTIVE || structure.locationVisibility() == null
                || structure.locationVisibility() == LocationVisibility.HIDDEN) {
            return null;
        }
        return structure.locationVisibility() == LocationVisibility.EXACT ? structure.location()
                : structure.municipalityCentroid();
    }

    /** The municipalities where at least one structure is shown, by Greek name. */
    public List<PublicMunicipality> municipalities() {
        return municipalities;
    }

    public int size() {
        return size;
    }

    /** The {@code k} structures passing {@code filter} nearest to the point, nearest first, ties by id. */
    public List<Nearby> nearest(double latitude, double longitude, int k, Predicate<StructureView> filter) {
        List<Nearby> found = new ArrayList<>(Math.max(0, Math.min(k, size)));
        if (k <= 0 || size == 0) {
            return found;
        }
        PriorityQueue<Candidate> queue = new PriorityQueue<>(ORDER);
        AbstractNode root = tree.getRoot();
        queue.add(new Candidate(0, root, null));
        while (!queue.isEmpty() && found.size() < k) {
            Candidate next = queue.poll();
            if (next.entry() != null) {
                found.add(new Nearby(next.entry().structure(), next.distanceKm()));
                continue;
            }
            for (Object child : ((AbstractNode) next.node()).getChildBoundables()) {
                if (child instanceof ItemBoundable item) {
                    Entry entry = (Entry) item.getItem();
                    if (filter.test(entry.structure())) {
                        queue.add(new Candidate(haversineKm(latitude, longitude, entry.latitude(), entry.longitude()),
                                null, entry));
                    }
                } else {
                    Envelope box = (Envelope) ((Boundable) child).getBounds();
                    queue.add(new Candidate(lowerBoundKm(latitude, longitude, box), child, null));
                }
            }
        }
        return found;
    }

    /** Great-circle distance by the haversine formula, km. */
    public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /**
     * No point of the box (longitudes and latitudes in degrees, not crossing the antimeridian) lies nearer than this.
     * Within the box's longitudes the nearest point is straight north or south. Outside them, at any latitude a point
     * is nearer the nearer edge meridian than anything east or west of it, and along that meridian the distance falls
     * to its least at latitude atan(tan φ / cos Δλ) (poleward of the point's own, so not simply the point's latitude
     * clamped), and grows away from it, so that latitude clamped to the box gives the least distance.
     */
    static double lowerBoundKm(double latitude, double longitude, Envelope box) {
        double clampedLat = Math.max(box.getMinY(), Math.min(box.getMaxY(), latitude));
        if (longitude >= box.getMinX() && longitude <= box.getMaxX()) {
            return Math.max(0, EARTH_RADIUS_KM * Math.toRadians(Math.abs(latitude - clampedLat)) - BOUND_SLACK_KM);
        }
        double toMin = angularDifference(longitude, box.getMinX());
        double toMax = angularDifference(longitude, box.getMaxX());
        double edge = toMin <= toMax ? box.getMinX() : box.getMaxX();
        double deltaLambda = Math.min(toMin, toMax);
        if (deltaLambda >= 90) {
            return 0; // far beyond any region this serves; no bound is needed to be right
        }
        double nearestLat = Math.toDegrees(Math.atan(Math.tan(Math.toRadians(latitude))
                / Math.cos(Math.toRadians(deltaLambda))));
        double onEdge = Math.max(box.getMinY(), Math.min(box.getMaxY(), nearestLat));
        return Math.max(0, haversineKm(latitude, longitude, onEdge, edge) - BOUND_SLACK_KM);
    }

    private static double angularDifference(double a, double b) {
        double difference = Math.abs(a - b) % 360;
        return difference > 180 ? 360 - difference : difference;
    }
}
