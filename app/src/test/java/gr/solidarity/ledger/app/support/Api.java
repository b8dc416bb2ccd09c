package gr.solidarity.ledger.app.support;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;

/** Small helpers for JSON calls in full-stack tests. */
public final class Api {

    private final WebTestClient http;

    public Api(WebTestClient http) {
        this.http = http;
    }

    public WebTestClient http() {
        return http;
    }

    public WebTestClient.ResponseSpec post(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    public WebTestClient.ResponseSpec put(String path, Object body) {
        return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    public WebTestClient.ResponseSpec get(String path) {
        return http.get().uri(path).exchange();
    }

    /** POSTs a creating command, expects 201 and answers the new id from the body. */
    @SuppressWarnings("unchecked")
    public String create(String path, Object body) {
        Map<String, Object> created = post(path, body).expectStatus().isCreated()
                .expectHeader().exists("Location")
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> createAndRead(String path, Object body) {
        return post(path, body).expectStatus().isCreated()
                .expectHeader().exists("Location")
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    public void accepted(String path, Object body) {
        post(path, body).expectStatus().isAccepted();
    }
}
