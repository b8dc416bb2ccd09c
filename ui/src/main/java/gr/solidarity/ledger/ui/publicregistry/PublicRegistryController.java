package gr.solidarity.ledger.ui.publicregistry;

import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.registry.StructureQueries;
import gr.solidarity.ledger.messages.registry.StructureQueries.FindNearestStructures;
import gr.solidarity.ledger.messages.registry.StructureQueries.FindPublicMunicipalities;
import gr.solidarity.ledger.messages.registry.StructureQueries.FindPublicStructure;
import gr.solidarity.ledger.messages.registry.StructureQueries.FindPublicStructures;
import gr.solidarity.ledger.messages.registry.StructureQueries.NearestStructures;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicMunicipalities;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicMunicipality;
import gr.solidarity.ledger.messages.registry.StructureQueries.PublicStructurePage;
import gr.solidarity.ledger.messages.registry.StructureService;
import gr.solidarity.ledger.messages.registry.StructureType;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static gr.solidarity.ledger.ui.shell.Forms.blankToNull;

/**
 * The registry of social structures as anyone sees it, without signing in: the list with filters that combine, a
 * structure's public card, and the structures nearest to a municipality or a point. Pages are rendered on the server
 * and work without JavaScript; only public cards are ever asked for, so an address, phone or exact place the public
 * may not see never reaches these pages.
 */
@Controller
public class PublicRegistryController {

    private static final ZoneId GREECE = ZoneId.of("Europe/Athens");
    private static final int PAGE = 50;
    private static final int DEFAULT_NEAREST = 3;
    /** Every structure that matches, for the map; far above any region's registry. */
    private static final int MAP_LIMIT = 100_000;

    private final Views views;
    private final Clock clock;
    private final String tileUrl;
    private final String tileAttribution;

    public PublicRegistryController(Views views, ObjectProvider<Clock> clock,
                                    @Value("${ledger.public.map.tile-url:}") String tileUrl,
                                    @Value("${ledger.public.map.tile-attribution:}") String tileAttribution) {
        this.views = views;
        this.clock = clock.getIfUnique(() -> Clock.system(GREECE));
        this.tileUrl = tileUrl == null ? "" : tileUrl.trim();
        this.tileAttribution = tileAttribution == null ? "" : tileAttribution.trim();
    }

    /** One option of a select: the code sent and the Greek and English labels. */
    public record Option(String code, String labelEl, String labelEn) {
    }

    @GetMapping("/public/structures")
    Mono<Rendering> list(@RequestParam(required = false) String regionalUnitCode,
                         @RequestParam(required = false) String municipalityCode,
                         @RequestParam(required = false) String type, @RequestParam(required = false) String service,
                         @RequestParam(required = false) String openNow,
                         @RequestParam(required = false) String page) {
        Filters filters = new Filters(blankToNull(regionalUnitCode), blankToNull(municipalityCode),
                known(type, StructureType.class), known(service, StructureService.class), "true".equals(openNow));
        String after = decode(page);
        Instant now = clock.instant();
        Mono<PublicStructurePage> found = views.one(filters.query(today(now), now, PAGE, after),
                PublicStructurePage.class);
        return Mono.zip(found, municipalities()).map(both -> {
            PublicStructurePage rows = both.getT1();
            String next = rows.nextCursor() == null ? null : filters.link("/public/structures")
                    .queryParam("page", rows.nextCursor()).build().encode().toUriString();
            return Rendering.view("public/list")
                    .model(filters.model(both.getT2()))
                    .modelAttribute("structures", rows.items())
                    .modelAttribute("nextPage", next == null ? "" : next)
                    .modelAttribute("firstPage", after == null)
                    .modelAttribute("now", now)
                    .modelAttribute("mapMarkers", filters.link("/public/map/structures").build().encode()
                            .toUriString())
                    .modelAttribute("mapBoundaries", boundaries(filters, both.getT2()))
                    .modelAttribute("mapTiles", tileUrl)
                    .modelAttribute("mapTilesAttribution", tileAttribution)
                    .build();
        });
    }

    /**
     * The structures the list shows for the same filters, all of them rather than a page, for the map: the same
     * query of public cards, so the map can never show what the list would not. Beyond {@link MapMarkers#CLUSTER_ABOVE}
     * structures, one marker per municipality with their count.
     */
    @GetMapping(value = "/public/map/structures", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Mono<MapMarkers.MapData> mapStructures(@RequestParam(required = false) String regionalUnitCode,
                                           @RequestParam(required = false) String municipalityCode,
                                           @RequestParam(required = false) String type,
                                           @RequestParam(required = false) String service,
                                           @RequestParam(required = false) String openNow) {
        Filters filters = new Filters(blankToNull(regionalUnitCode), blankToNull(municipalityCode),
                known(type, StructureType.class), known(service, StructureService.class), "true".equals(openNow));
        Instant now = clock.instant();
        return Mono.zip(views.one(filters.query(today(now), now, MAP_LIMIT, null), PublicStructurePage.class),
                        municipalities())
                .map(both -> MapMarkers.of(both.getT1().items(), both.getT2(), now, MapMarkers.CLUSTER_ABOVE));
    }

    @GetMapping("/public/structures/{structureId}")
    Mono<Rendering> card(@PathVariable String structureId) {
        Instant now = clock.instant();
        return views.optional(new FindPublicStructure(structureId, today(now)),
                        StructureQueries.PublicStructure.class)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .map(structure -> Rendering.view("public/card").modelAttribute("s", structure)
                        .modelAttribute("now", now).build());
    }

    @GetMapping("/public/nearest")
    Mono<Rendering> nearest(@RequestParam(required = false) String municipalityCode,
                            @RequestParam(required = false) String lat, @RequestParam(required = false) String lon,
                            @RequestParam(required = false) String type,
                            @RequestParam(required = false) String service,
                            @RequestParam(required = false) String openNow,
                            @RequestParam(required = false) String k) {
        Filters filters = new Filters(null, blankToNull(municipalityCode), known(type, StructureType.class),
                known(service, StructureService.class), "true".equals(openNow));
        Instant now = clock.instant();
        int count = count(k);
        return municipalities().flatMap(municipalities -> {
            List<String> errors = new ArrayList<>();
            GeoPoint from = null;
            String fromLabel = "";
            Double latitude = coordinate(lat, 90);
            Double longitude = coordinate(lon, 180);
            boolean typedPoint = blankToNull(lat) != null || blankToNull(lon) != null;
            if (typedPoint) {
                if (latitude == null) {
                    errors.add("lat");
                }
                if (longitude == null) {
                    errors.add("lon");
                }
                if (errors.isEmpty()) {
                    from = new GeoPoint(latitude, longitude);
                }
            } else if (filters.municipalityCode() != null) {
                PublicMunicipality chosen = municipalities.stream()
                        .filter(m -> m.code().equals(filters.municipalityCode())).findFirst().orElse(null);
                if (chosen == null) {
                    errors.add("municipalityCode");
                } else {
                    from = chosen.centroid();
                    fromLabel = chosen.code();
                }
            }
            Map<String, Object> model = new LinkedHashMap<>(filters.model(municipalities));
            model.put("lat", lat == null ? "" : lat);
            model.put("lon", lon == null ? "" : lon);
            model.put("k", count);
            model.put("errors", errors);
            model.put("fromMunicipality", fromLabel);
            model.put("asked", from != null);
            model.put("now", now);
            if (from == null) {
                return Mono.just(Rendering.view("public/nearest").model(model)
                        .status(errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).build());
            }
            // from a municipality the search is over every municipality: the nearest may lie across its border
            return views.one(new FindNearestStructures(from.latitude(), from.longitude(), count, null, null,
                            filters.type(), filters.service(), today(now), filters.openNow() ? now : null),
                            NearestStructures.class)
                    .map(answer -> {
                        model.put("nearest", answer.items());
                        return Rendering.view("public/nearest").model(model).build();
                    });
        });
    }

    /**
     * The base layer for the map of these filters: a municipality's or a regional unit's map needs only that unit's
     * municipalities in detail, the whole registry's map all of them.
     */
    private static String boundaries(Filters filters, List<PublicMunicipality> municipalities) {
        String unit = municipalities.stream().filter(m -> m.code().equals(filters.municipalityCode()))
                .map(PublicMunicipality::regionalUnitCode).findFirst().orElse(filters.regionalUnitCode());
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/public/map/municipalities.geojson");
        if (unit != null) {
            link.queryParam("regionalUnitCode", unit);
        }
        return link.build().encode().toUriString();
    }

    private Mono<List<PublicMunicipality>> municipalities() {
        return views.one(new FindPublicMunicipalities(null), PublicMunicipalities.class)
                .map(PublicMunicipalities::items);
    }

    private record Filters(String regionalUnitCode, String municipalityCode, StructureType type,
                           StructureService service, boolean openNow) {

        /** The one query of public cards behind the list and the map. */
        FindPublicStructures query(LocalDate today, Instant now, int limit, String after) {
            return new FindPublicStructures(regionalUnitCode, municipalityCode, type, service, today, limit, after,
                    openNow ? now : null);
        }

        UriComponentsBuilder link(String path) {
            UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
            if (regionalUnitCode != null) {
                link.queryParam("regionalUnitCode", regionalUnitCode);
            }
            if (municipalityCode != null) {
                link.queryParam("municipalityCode", municipalityCode);
            }
            if (type != null) {
                link.queryParam("type", type.name());
            }
            if (service != null) {
                link.queryParam("service", service.name());
            }
            if (openNow) {
                link.queryParam("openNow", "true");
            }
            return link;
        }

        Map<String, Object> model(List<PublicMunicipality> municipalities) {
            Map<String, Option> units = new LinkedHashMap<>();
            for (PublicMunicipality m : municipalities) {
                units.putIfAbsent(m.regionalUnitCode(), new Option(m.regionalUnitCode(), m.regionalUnitNameEl(),
                        m.regionalUnitNameEn()));
            }
            List<Option> regionalUnits = new ArrayList<>(units.values());
            regionalUnits.sort(java.util.Comparator.comparing(Option::labelEl,
                    java.text.Collator.getInstance(java.util.Locale.forLanguageTag("el"))));
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("regionalUnits", regionalUnits);
            model.put("municipalities", municipalities.stream()
                    .map(m -> new Option(m.code(), m.nameEl(), m.nameEn())).toList());
            model.put("types", StructureType.values());
            model.put("services", StructureService.values());
            model.put("regionalUnitCode", regionalUnitCode == null ? "" : regionalUnitCode);
            model.put("municipalityCode", municipalityCode == null ? "" : municipalityCode);
            model.put("type", type == null ? "" : type.name());
            model.put("service", service == null ? "" : service.name());
            model.put("openNow", openNow);
            model.put("filtered", regionalUnitCode != null || municipalityCode != null || type != null
                    || service != null || openNow);
            return model;
        }
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, GREECE);
    }

    /** An unknown code in a hand-edited link filters nothing rather than failing the page. */
    private static <E extends Enum<E>> E known(String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String decode(String page) {
        if (page == null || page.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(page.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int count(String k) {
        try {
            int parsed = Integer.parseInt(k == null ? "" : k.trim());
            return Math.max(1, Math.min(parsed, 20));
        } catch (NumberFormatException e) {
            return DEFAULT_NEAREST;
        }
    }

    private static Double coordinate(String typed, double limit) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(typed.trim().replace(',', '.'));
            return Double.isFinite(value) && Math.abs(value) <= limit ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
