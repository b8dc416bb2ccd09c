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
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
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

    private final Views views;

    public PublicRegistryController(Views views) {
        this.views = views;
    }

    /** One option of a select: the code sent and the Greek and English labels. */
    public record Option(String code, String labelEl, String labelEn) {
    }

    @GetMapping("/public/structures")
    Mono<Rendering> list(@RequestParam(required = false) String regionalUnitCode,
                         @RequestParam(required = false) String municipalityCode,
                         @RequestParam(required = false) String type, @RequestParam(required = false) String service,
                         @RequestParam(required = false) String page) {
        Filters filters = new Filters(blankToNull(regionalUnitCode), blankToNull(municipalityCode),
                known(type, StructureType.class), known(service, StructureService.class));
        String after = decode(page);
        Mono<PublicStructurePage> found = views.one(new FindPublicStructures(filters.regionalUnitCode(),
                filters.municipalityCode(), filters.type(), filters.service(), today(), PAGE, after),
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
                    .build();
        });
    }

    @GetMapping("/public/structures/{structureId}")
    Mono<Rendering> card(@PathVariable String structureId) {
        return views.optional(new FindPublicStructure(structureId, today()),
                        StructureQueries.PublicStructure.class)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .map(structure -> Rendering.view("public/card").modelAttribute("s", structure).build());
    }

    @GetMapping("/public/nearest")
    Mono<Rendering> nearest(@RequestParam(required = false) String municipalityCode,
                            @RequestParam(required = false) String lat, @RequestParam(required = false) String lon,
                            @RequestParam(required = false) String type,
                            @RequestParam(required = false) String service,
                            @RequestParam(required = false) String k) {
        Filters filters = new Filters(null, blankToNull(municipalityCode), known(type, StructureType.class),
                known(service, StructureService.class));
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
            if (from == null) {
                return Mono.just(Rendering.view("public/nearest").model(model)
                        .status(errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).build());
            }
            // from a municipality the search is over every municipality: the nearest may lie across its border
            return views.one(new FindNearestStructures(from.latitude(), from.longitude(), count, null, null,
                            filters.type(), filters.service(), today()), NearestStructures.class)
                    .map(answer -> {
                        model.put("nearest", answer.items());
                        return Rendering.view("public/nearest").model(model).build();
                    });
        });
    }

    private Mono<List<PublicMunicipality>> municipalities() {
        return views.one(new FindPublicMunicipalities(null), PublicMunicipalities.class)
                .map(PublicMunicipalities::items);
    }

    private record Filters(String regionalUnitCode, String municipalityCode, StructureType type,
                           StructureService service) {

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
            model.put("filtered", regionalUnitCode != null || municipalityCode != null || type != null
                    || service != null);
            return model;
        }
    }

    private static LocalDate today() {
        return LocalDate.now(GREECE);
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
