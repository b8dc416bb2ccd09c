package gr.solidarity.ledger.query.registry;

import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.registry.LocationVisibility;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureStatus;
import gr.solidarity.ledger.messages.registry.StructureQueries.StructureView;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

/**
 * Structures spread over a box around Greece, in 40 municipalities of 8 regional units, of every type and visibility,
 * some closed: the registry view as a nearest search meets it.
 */
public final class GeneratedRegistry {

    public static final double MIN_LAT = 34.8;
    public static final double MAX_LAT = 41.8;
    public static final double MIN_LON = 19.3;
    public static final double MAX_LON = 28.3;
    public static final int MUNICIPALITIES = 40;

    private GeneratedRegistry() {
    }

    public static String municipalityCode(int i) {
        return String.format("%04d", 1000 + i);
    }

    public static String regionalUnitCode(int municipality) {
        return "RU" + (municipality % 8);
    }

    public static GeoPoint centroid(int municipality) {
        Random random = new Random(7919L * (municipality + 1));
        return randomPoint(random);
    }

    public static GeoPoint randomPoint(Random random) {
        return new GeoPoint(MIN_LAT + random.nextDouble() * (MAX_LAT - MIN_LAT),
                MIN_LON + random.nextDouble() * (MAX_LON - MIN_LON));
    }

    public static List<StructureView> structures(int count, long seed) {
        Random random = new Random(seed);
        StructureType[] types = StructureType.values();
        StructureService[] services = StructureService.values();
        List<StructureView> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int municipality = random.nextInt(MUNICIPALITIES);
            StructureType type = types[random.nextInt(types.length)];
            EnumSet<StructureService> offered = EnumSet.noneOf(StructureService.class);
            for (int s = 0; s < 1 + random.nextInt(3); s++) {
                offered.add(services[random.nextInt(services.length)]);
            }
            double roll = random.nextDouble();
            LocationVisibility visibility = roll < 0.7 ? LocationVisibility.EXACT
                    : roll < 0.9 ? LocationVisibility.MUNICIPALITY_ONLY : LocationVisibility.HIDDEN;
            StructureStatus status = random.nextDouble() < 0.05 ? StructureStatus.CLOSED : StructureStatus.ACTIVE;
            all.add(view(String.format("s-%05d", i), "Δομή " + i, type, List.copyOf(offered), randomPoint(random),
                    municipality, visibility, status));
        }
        return all;
    }

    public static StructureView view(String id, String nameEl, StructureType type, List<StructureService> services,
                                     GeoPoint location, int municipality, LocationVisibility visibility,
                                     StructureStatus status) {
        return new StructureView(id, nameEl, null, type, services, List.of(),
                new PostalAddress("Οδός " + id, "38221", "Πόλη"), location, municipalityCode(municipality),
                "Δήμος " + municipality, "Municipality " + municipality, regionalUnitCode(municipality),
                "ΠΕ " + municipality % 8, "RU " + municipality % 8, "EL6", "Thessaly", centroid(municipality), null,
                null, new ContactDetails("Πρόσωπο", "info@example.org", "2410000000"), null, visibility, false, null,
                status, null, null, LocalDate.of(2026, 1, 5), "officer", LocalDate.of(2025, 6, 1),
                Instant.parse("2025-06-01T08:00:00Z"), Instant.parse("2026-01-05T08:00:00Z"), null);
    }
}
