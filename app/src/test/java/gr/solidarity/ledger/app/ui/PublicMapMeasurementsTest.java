package gr.solidarity.ledger.app.ui;

import com.microsoft.playwright.Page;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.registry.LocationVisibility;
import gr.solidarity.ledger.messages.registry.OpeningHours;
import gr.solidarity.ledger.messages.registry.OpeningHours.WeeklyPeriod;
import gr.solidarity.ledger.messages.common.Municipality;
import gr.solidarity.ledger.messages.registry.StructureDetails;
import gr.solidarity.ledger.messages.registry.StructureEvents.StructureRegistered;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figures of the public registry over HTTP, with 10,000 structures registered in the four regions whose boundaries the
 * map draws: the nearest ten to random points (with a static asset fetched the same way as the baseline), what a
 * browser downloads gzipped for a region's map, and how long headless Chromium takes from navigation to the map drawn.
 * Not part of the default run: {@code ./mvnw -B -pl app -am test -Pbenchmark -Dtest=PublicMapMeasurementsTest
 * -Dsurefire.failIfNoSpecifiedTests=false}. Figures go to the log and to {@code app/target/public-map-measurements.md}.
 */
@Tag("benchmark")
class PublicMapMeasurementsTest {

    /** 10,000 unless {@code -Dbenchmark.structures} says otherwise (a loaded machine's views may need less). */
    private static final int STRUCTURES = Integer.getInteger("benchmark.structures", 10_000);
    private static final int REQUESTS = 1_000;
    private static final List<String> REGIONS = List.of("GR-D", "GR-E", "GR-G", "GR-L");

    @TempDir
    Path dataDirectory;

    private final List<String> report = new ArrayList<>();

    record Place(Municipality municipality, double latitude, double longitude) {

        String code() {
            return municipality.code();
        }

        String regionalUnitCode() {
            return municipality.regionalUnitCode();
        }
    }

    @Test
    void nearestMapWeightAndFirstRender() throws Exception {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            List<Place> municipalities = municipalities();
            int shown = register(ledger.bean(EventStore.class), municipalities);
            String base = "http://localhost:" + ledger.context().getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (!get(http, base + "/public/map/structures", false).contains("\"total\":" + shown + ",")) {
                assertThat(System.nanoTime()).as("the registry view took too long to catch up").isLessThan(deadline);
                Thread.sleep(500);
            }

            Random random = new Random(7);
            List<String> nearest = new ArrayList<>();
            for (int i = 0; i < REQUESTS + 100; i++) {
                Place around = municipalities.get(random.nextInt(municipalities.size()));
                nearest.add(String.format(java.util.Locale.ROOT, "%s/api/public/structures/nearest?lat=%.5f&lon=%.5f&k=10",
                        base, around.latitude() + (random.nextDouble() - 0.5) * 0.4,
                        around.longitude() + (random.nextDouble() - 0.5) * 0.4));
            }
            List<String> baseline = Collections.nCopies(REQUESTS + 100, base + "/assets/ui.css");
            double[] asset = latencies(http, baseline);
            double[] near = latencies(http, nearest);
            figure("Nearest 10 of %,d structures (%,d shown) over HTTP, %d requests one after another: p50 %.2f ms, "
                            + "p99 %.2f ms, max %.2f ms; baseline GET /assets/ui.css in the same run: p50 %.2f ms, "
                            + "p99 %.2f ms; p99 ratio %.1f×", STRUCTURES, shown, REQUESTS, near[0], near[1], near[2],
                    asset[0], asset[1], near[1] / asset[1]);

            String region = "18";
            String municipality = municipalities.stream().filter(m -> m.regionalUnitCode().equals(region))
                    .findFirst().orElseThrow().code();
            for (String query : List.of("?regionalUnitCode=" + region, "?municipalityCode=" + municipality, "")) {
                byte[] page = bytes(http, base + "/public/structures" + query, false);
                byte[] markers = bytes(http, base + "/public/map/structures" + query, false);
                // the boundaries the page names: a regional unit's or a municipality's map gets its unit's in detail
                byte[] boundaries = bytes(http, base + "/public/map/municipalities.geojson"
                        + (query.isEmpty() ? "" : "?regionalUnitCode=" + region), true);
                String json = new String(markers, StandardCharsets.UTF_8);
                figure("First map response for %s: page %.1f kB gzipped, markers %.1f kB gzipped (%.1f kB plain, %s), "
                                + "boundaries %.1f kB gzipped as served; map data %.1f kB gzipped, with the page %.1f kB",
                        query.isEmpty() ? "the whole registry" : query, gzip(page) / 1024.0, gzip(markers) / 1024.0,
                        markers.length / 1024.0, json.contains("\"clustered\":true") ? "one per municipality"
                                : "one per structure", boundaries.length / 1024.0,
                        (gzip(markers) + boundaries.length) / 1024.0,
                        (gzip(page) + gzip(markers) + boundaries.length) / 1024.0);
            }

            try (Browser browser = new Browser(Integer.parseInt(
                    ledger.context().getEnvironment().getProperty("local.server.port")))) {
                // the baseline: a public page of the same layout without the map, loaded the same way, in turn with
                // the map's pages so that the machine's load falls on all of them alike
                String baselinePage = "/public/open-data";
                List<String> pages = List.of(baselinePage, "/public/structures?regionalUnitCode=" + region,
                        "/public/structures?municipalityCode=" + municipality);
                java.util.Map<String, List<Long>> millis = new java.util.LinkedHashMap<>();
                java.util.Map<String, List<java.util.Map<String, Double>>> phases = new java.util.LinkedHashMap<>();
                for (int run = 0; run < 6; run++) {
                    for (String path : pages) {
                        Page fresh = browser.desk(); // a new context each time: nothing cached
                        long start = System.nanoTime();
                        fresh.navigate(path);
                        boolean map = !path.equals(baselinePage);
                        if (map) {
                            fresh.waitForSelector("#structures-map[data-state=ready]",
                                    new Page.WaitForSelectorOptions().setTimeout(60_000));
                        }
                        millis.computeIfAbsent(path, key -> new ArrayList<>())
                                .add((System.nanoTime() - start) / 1_000_000);
                        if (run > 0) {
                            phases.computeIfAbsent(path, key -> new ArrayList<>()).add(phases(fresh));
                        }
                        if (run == 0 && map) {
                            Browser.screenshot(fresh, "public-map-measured-"
                                    + path.substring(path.indexOf('?') + 1).replace('=', '-'));
                        }
                        fresh.context().close();
                    }
                }
                long baselineMedian = median(millis.get(baselinePage));
                figure("Baseline in the same run, %s (same layout, no map), navigation to its load event, empty "
                                + "browser cache: first load of the process %d ms, then median %d ms, max %d ms (5 loads)",
                        baselinePage, millis.get(baselinePage).get(0), baselineMedian, max(millis.get(baselinePage)));
                for (String path : pages.subList(1, pages.size())) {
                    List<Long> times = millis.get(path);
                    figure("First render in headless Chromium, navigation to boundaries and markers drawn, %s, "
                                    + "empty browser cache: first load of the process %d ms, then median %d ms, max %d ms "
                                    + "(5 loads); %.2f× the baseline's median", path, times.get(0), median(times),
                            max(times), median(times) / (double) baselineMedian);
                    figure("Where the time of %s goes (medians of the 5 loads, ms from navigation start): %s",
                            path, medians(phases.get(path)));
                }
                figure("Where the time of %s goes: %s", baselinePage, medians(phases.get(baselinePage)));
            }
        }
        Files.writeString(Path.of("target", "public-map-measurements.md"), "# Public map measurements\n\n- "
                + String.join("\n- ", report) + "\n");
    }

    /**
     * Chromium's own timings of a page just loaded: the HTML's response, DOMContentLoaded and load, each script,
     * stylesheet and map request's end (and its bytes on the wire), and the marks the map's script sets.
     */
    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Double> phases(Page page) {
        Object found = page.evaluate("""
                () => {
                  const out = {};
                  const nav = performance.getEntriesByType('navigation')[0];
                  out['html response end'] = nav.responseEnd;
                  out['DOMContentLoaded'] = nav.domContentLoadedEventEnd;
                  out['load'] = nav.loadEventEnd;
                  for (const r of performance.getEntriesByType('resource')) {
                    const url = new URL(r.name);
                    const name = url.pathname.includes('/public/map/structures') ? 'markers'
                      : url.pathname.startsWith('/public/map/') ? 'boundaries'
                      : url.pathname.substring(url.pathname.lastIndexOf('/') + 1);
                    if (!/\\.(js|css)$/.test(name) && name !== 'markers' && name !== 'boundaries') continue;
                    const key = out[name + ' start'] === undefined ? name : name + ' (again)';
                    out[key + ' start'] = r.startTime;
                    out[key + ' end'] = r.responseEnd;
                    if (name === 'markers' || name === 'boundaries') out[key + ' kB'] = r.encodedBodySize / 1024;
                  }
                  for (const m of performance.getEntriesByType('mark')) out['mark ' + m.name] = m.startTime;
                  return out;
                }""");
        java.util.Map<String, Double> timings = new java.util.LinkedHashMap<>();
        ((java.util.Map<String, Object>) found).forEach((key, value) -> timings.put(key,
                ((Number) value).doubleValue()));
        return timings;
    }

    private static String medians(List<java.util.Map<String, Double>> loads) {
        java.util.Map<String, List<Double>> byKey = new java.util.TreeMap<>();
        loads.forEach(load -> load.forEach((key, value) -> byKey.computeIfAbsent(key, k -> new ArrayList<>())
                .add(value)));
        List<java.util.Map.Entry<String, Double>> ordered = new ArrayList<>();
        byKey.forEach((key, values) -> {
            Collections.sort(values);
            ordered.add(java.util.Map.entry(key, values.get(values.size() / 2)));
        });
        ordered.sort(java.util.Map.Entry.comparingByValue());
        List<String> parts = new ArrayList<>();
        ordered.stream().filter(e -> !e.getKey().endsWith(" kB")).forEach(e -> parts.add(String.format(
                java.util.Locale.ROOT, "%s %.0f", e.getKey(), e.getValue())));
        ordered.stream().filter(e -> e.getKey().endsWith(" kB")).forEach(e -> parts.add(String.format(
                java.util.Locale.ROOT, "%s %.1f", e.getKey(), e.getValue())));
        return String.join(", ", parts);
    }

    /** The median of the loads after the process's first. */
    private static long median(List<Long> loads) {
        List<Long> warm = new ArrayList<>(loads.subList(1, loads.size()));
        Collections.sort(warm);
        return warm.get(warm.size() / 2);
    }

    private static long max(List<Long> loads) {
        return Collections.max(loads.subList(1, loads.size()));
    }

    private static List<Place> municipalities() throws Exception {
        List<Place> found = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PublicMapMeasurementsTest.class.getResourceAsStream("/geography/municipalities.csv"),
                StandardCharsets.UTF_8))) {
            List<String> header = Arrays.asList(in.readLine().split(","));
            String line;
            while ((line = in.readLine()) != null) {
                String[] cells = line.split(",", -1);
                if (REGIONS.contains(cells[header.indexOf("region_code")])) {
                    found.add(new Place(new Municipality(cells[header.indexOf("municipality_code")],
                            cells[header.indexOf("municipality_el")], cells[header.indexOf("municipality_en")],
                            cells[header.indexOf("regional_unit_code")], cells[header.indexOf("regional_unit_el")],
                            cells[header.indexOf("regional_unit_en")], cells[header.indexOf("region_code")],
                            cells[header.indexOf("region_en")]),
                            Double.parseDouble(cells[header.indexOf("latitude")]),
                            Double.parseDouble(cells[header.indexOf("longitude")])));
                }
            }
        }
        return found;
    }

    /**
     * Registers the structures as their events, appended 500 to a transaction: sent one by one as commands they would
     * take longer than everything measured here. Answers how many the public sees.
     */
    private static int register(EventStore store, List<Place> municipalities) {
        Random random = new Random(20261201L);
        StructureType[] types = Arrays.stream(StructureType.values()).filter(type -> !type.sensitive())
                .toArray(StructureType[]::new);
        StructureService[] services = StructureService.values();
        OpeningHours mornings = new OpeningHours(List.of(
                new WeeklyPeriod(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(14, 0)),
                new WeeklyPeriod(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(14, 0))), List.of());
        int shown = 0;
        long start = System.nanoTime();
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < STRUCTURES; i++) {
            Place at = municipalities.get(random.nextInt(municipalities.size()));
            EnumSet<StructureService> offered = EnumSet.noneOf(StructureService.class);
            for (int s = 0; s < 1 + random.nextInt(3); s++) {
                offered.add(services[random.nextInt(services.length)]);
            }
            double roll = random.nextDouble();
            LocationVisibility visibility = roll < 0.7 ? LocationVisibility.EXACT
                    : roll < 0.9 ? LocationVisibility.MUNICIPALITY_ONLY : LocationVisibility.HIDDEN;
            shown += visibility == LocationVisibility.HIDDEN ? 0 : 1;
            String id = UUID.randomUUID().toString();
            StructureDetails details = new StructureDetails("Δομή " + i, "Structure " + i,
                    types[random.nextInt(types.length)], List.of(), new PostalAddress("Οδός " + i, "45221", "Πόλη"),
                    new GeoPoint(at.latitude() + (random.nextDouble() - 0.5) * 0.02,
                            at.longitude() + (random.nextDouble() - 0.5) * 0.02), at.municipality(),
                    new GeoPoint(at.latitude(), at.longitude()), mornings, null,
                    new ContactDetails("Υπεύθυνη", null, "+30 2100000000"), 10 + random.nextInt(500), visibility,
                    false, null);
            batch.add(new GenericDomainEventMessage<>("Structure", id, 0L,
                    new StructureRegistered(id, details, List.copyOf(offered))));
            if (batch.size() == 500 || i == STRUCTURES - 1) {
                store.publish(batch);
                batch.clear();
            }
        }
        System.out.printf("Registered %,d structures in %.1f s%n", STRUCTURES, (System.nanoTime() - start) / 1e9);
        return shown;
    }

    /** p50, p99 and max in milliseconds, after the first 100 requests as a warm-up. */
    private static double[] latencies(HttpClient http, List<String> urls) throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(urls.get(i))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long took = (System.nanoTime() - start) / 1_000;
            assertThat(answer.statusCode()).as(urls.get(i)).isEqualTo(200);
            if (i >= 100) {
                micros.add(took);
            }
        }
        Collections.sort(micros);
        return new double[]{micros.get(micros.size() / 2) / 1000.0, micros.get(micros.size() * 99 / 100 - 1) / 1000.0,
                micros.get(micros.size() - 1) / 1000.0};
    }

    private static String get(HttpClient http, String url, boolean gzip) throws Exception {
        return new String(bytes(http, url, gzip), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(HttpClient http, String url, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).as(url).isEqualTo(200);
        return answer.body();
    }

    private static int gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.size();
    }

    private void figure(String format, Object... values) {
        String line = String.format(java.util.Locale.ROOT, format, values);
        report.add(line);
        System.out.println("Public map figure: " + line);
    }
}
