package gr.solidarity.ledger.ui.publicregistry;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * The municipalities' boundaries as the public map's base layer, where no tile server is reachable: read once from the
 * reference file, simplified (JTS's topology-preserving simplifier, each ring keeps its shape and never crosses
 * itself) to what a map of a region shows, coordinates rounded to {@value #DECIMALS} decimals (about 11 m), and kept
 * as GeoJSON bytes, plain and gzipped, with an entity tag, so a browser downloads them once.
 * <p>
 * A map of one regional unit needs only that unit's municipalities in detail: around them it gets the other
 * municipalities as outlines, simplified to about {@value #OUTLINE_TOLERANCE} degrees and without names, a fraction of
 * the whole file to download, parse and draw.
 */
public final class MunicipalityBoundaries {

    static final String RESOURCE = "/geography/municipality_boundaries.geojson";
    /** Degrees; about 100 m, below what a map of a whole region can show. */
    static final double TOLERANCE = 0.001;
    static final int DECIMALS = 4;
    /** Degrees; about 500 m, for the municipalities drawn around the regional unit a map shows. */
    static final double OUTLINE_TOLERANCE = 0.005;
    static final int OUTLINE_DECIMALS = 3;
    private static final List<String> KEPT = List.of("municipality_code", "municipality_el", "municipality_en",
            "regional_unit_code");

    /** GeoJSON bytes as served: plain, gzipped, their entity tag and how many features they hold. */
    public record Served(byte[] json, byte[] gzipped, String etag, int features) {

        static Served of(List<String> features) {
            byte[] json = ("{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}")
                    .getBytes(StandardCharsets.UTF_8);
            return new Served(json, gzip(json), "\"" + sha256(json).substring(0, 32) + "\"", features.size());
        }
    }

    /** One municipality's feature as served, in detail and as an outline, with its regional unit. */
    private record Shape(String regionalUnitCode, String feature, String outline) {
    }

    private final Served all;
    private final List<Shape> municipalities;
    private final Map<String, Served> areas = new ConcurrentHashMap<>();

    private MunicipalityBoundaries(List<Shape> municipalities) {
        this.municipalities = municipalities;
        this.all = Served.of(municipalities.stream().map(Shape::feature).toList());
    }

    public static MunicipalityBoundaries fromReference() {
        try (InputStream in = MunicipalityBoundaries.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return simplify(in.readAllBytes(), TOLERANCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MunicipalityBoundaries simplify(byte[] source, double tolerance) {
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode collection = mapper.readTree(source);
        GeometryFactory factory = new GeometryFactory();
        List<Shape> shapes = new ArrayList<>();
        for (JsonNode feature : collection.get("features")) {
            Geometry geometry = read(feature.get("geometry"), factory);
            if (geometry == null) {
                continue;
            }
            StringBuilder properties = new StringBuilder();
            for (String name : KEPT) {
                JsonNode value = feature.path("properties").get(name);
                if (value != null && !value.isNull()) {
                    properties.append(properties.isEmpty() ? "" : ",").append(mapper.writeValueAsString(name))
                            .append(':').append(mapper.writeValueAsString(value.asString()));
                }
            }
            String unit = feature.path("properties").path("regional_unit_code").asString("");
            Geometry simple = TopologyPreservingSimplifier.simplify(geometry, tolerance);
            String detailed = feature(properties.toString(), simple, DECIMALS);
            if (detailed == null) {
                continue;
            }
            // drawn around another unit's map: no names, and far fewer points (a union of each unit's municipalities
            // would look neater but costs the process more than all the rest of this on its first map)
            String outlined = "\"regional_unit_code\":" + mapper.writeValueAsString(unit) + ",\"outline\":true";
            String outline = feature(outlined, TopologyPreservingSimplifier.simplify(simple, OUTLINE_TOLERANCE),
                    OUTLINE_DECIMALS);
            // an islet that coarser points would leave without area keeps its detail
            shapes.add(new Shape(unit, detailed, outline != null ? outline : feature(outlined, simple, DECIMALS)));
        }
        return new MunicipalityBoundaries(List.copyOf(shapes));
    }

    /** A feature with these properties and the geometry as a MultiPolygon of rounded points; null if none is left. */
    private static String feature(String properties, Geometry geometry, int decimals) {
        List<List<List<double[]>>> polygons = polygons(geometry, decimals);
        if (polygons.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        out.append("{\"type\":\"Feature\",\"properties\":{").append(properties)
                .append("},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[");
        for (int p = 0; p < polygons.size(); p++) {
            out.append(p == 0 ? "[" : ",[");
            List<List<double[]>> rings = polygons.get(p);
            for (int r = 0; r < rings.size(); r++) {
                out.append(r == 0 ? "[" : ",[");
                List<double[]> ring = rings.get(r);
                for (int c = 0; c < ring.size(); c++) {
                    out.append(c == 0 ? "[" : ",[").append(number(ring.get(c)[0])).append(',')
                            .append(number(ring.get(c)[1])).append(']');
                }
                out.append(']');
            }
            out.append(']');
        }
        return out.append("]}}").toString();
    }

    /** Every municipality in detail. */
    public Served all() {
        return all;
    }

    /**
     * The municipalities of one regional unit in detail and every other regional unit as its outline; empty for a
     * regional unit the reference boundaries do not hold.
     */
    public Optional<Served> around(String regionalUnitCode) {
        if (municipalities.stream().noneMatch(shape -> shape.regionalUnitCode().equals(regionalUnitCode))) {
            return Optional.empty();
        }
        return Optional.of(areas.computeIfAbsent(regionalUnitCode, unit -> Served.of(municipalities.stream()
                .map(shape -> shape.regionalUnitCode().equals(unit) ? shape.feature() : shape.outline())
                .toList())));
    }





    private static Geometry read(JsonNode geometry, GeometryFactory factory) {
        if (geometry == null || geometry.isNull()) {
            return null;
        }
        JsonNode coordinates = geometry.get("coordinates");
        return switch (geometry.path("type").asString()) {
            case "Polygon" -> polygon(coordinates, factory);
            case "MultiPolygon" -> {
                List<Polygon> parts = new ArrayList<>();
                for (JsonNode part : coordinates) {
                    parts.add(polygon(part, factory));
                }
                yield factory.createMultiPolygon(parts.toArray(Polygon[]::new));
            }
            default -> null;
        };
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (JsonNode ring : rings) {
            List<Coordinate> points = new ArrayList<>();
            for (JsonNode point : ring) {
                points.add(new Coordinate(point.get(0).asDouble(), point.get(1).asDouble()));
            }
            LinearRing linear = factory.createLinearRing(points.toArray(Coordinate[]::new));
            if (shell == null) {
                shell = linear;
            } else {
                holes.add(linear);
            }
        }
        return factory.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    /** Polygons of rings of rounded points; a ring that rounding leaves with no area is left out. */
    private static List<List<List<double[]>>> polygons(Geometry geometry, int decimals) {
        List<List<List<double[]>>> polygons = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (!(part instanceof Polygon polygon) || polygon.isEmpty()) {
                if (part instanceof MultiPolygon multi) {
                    polygons.addAll(polygons(multi, decimals));
                }
                continue;
            }
            List<double[]> shell = rounded(polygon.getExteriorRing().getCoordinates(), decimals);
            if (shell == null) {
                continue;
            }
            List<List<double[]>> rings = new ArrayList<>();
            rings.add(shell);
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                List<double[]> hole = rounded(polygon.getInteriorRingN(h).getCoordinates(), decimals);
                if (hole != null) {
                    rings.add(hole);
                }
            }
            polygons.add(rings);
        }
        return polygons;
    }

    private static List<double[]> rounded(Coordinate[] coordinates, int decimals) {
        List<double[]> ring = new ArrayList<>(coordinates.length);
        for (Coordinate c : coordinates) {
            double[] point = {round(c.x, decimals), round(c.y, decimals)};
            double[] last = ring.isEmpty() ? null : ring.get(ring.size() - 1);
            if (last == null || last[0] != point[0] || last[1] != point[1]) {
                ring.add(point);
            }
        }
        // closed, with at least three distinct points
        return ring.size() >= 4 ? ring : null;
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
