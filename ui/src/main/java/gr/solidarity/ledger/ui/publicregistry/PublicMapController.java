package gr.solidarity.ledger.ui.publicregistry;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;

/**
 * The public map's base layer: the municipalities' boundaries as GeoJSON, simplified once, on first use, off the
 * event loop, then served from memory, gzipped to browsers that accept it and cached by them for a day (revalidated
 * by entity tag). With a regional unit, only its municipalities come in detail and the other units as outlines.
 */
@RestController
class PublicMapController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final Mono<MunicipalityBoundaries> boundaries = Mono.fromCallable(MunicipalityBoundaries::fromReference)
            .subscribeOn(Schedulers.boundedElastic())
            .cache();

    @GetMapping("/public/map/municipalities.geojson")
    Mono<ResponseEntity<byte[]>> municipalities(@RequestParam(required = false) String regionalUnitCode,
                                                ServerWebExchange exchange) {
        return boundaries.map(all -> {
            MunicipalityBoundaries.Served shapes = all.around(regionalUnitCode).orElse(all.all());
            HttpHeaders request = exchange.getRequest().getHeaders();
            ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                    .eTag(shapes.etag())
                    .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                    .varyBy(HttpHeaders.ACCEPT_ENCODING)
                    .contentType(GEO_JSON);
            if (request.getIfNoneMatch().contains(shapes.etag())) {
                return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(shapes.etag())
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic()).<byte[]>build();
            }
            if (acceptsGzip(request.getOrEmpty(HttpHeaders.ACCEPT_ENCODING))) {
                return answer.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(shapes.gzipped());
            }
            return answer.body(shapes.json());
        });
    }

    private static boolean acceptsGzip(List<String> acceptEncoding) {
        return acceptEncoding.stream().flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::trim)
                .anyMatch(coding -> coding.equals("gzip") || coding.startsWith("gzip;") && !coding.endsWith("q=0"));
    }
}
