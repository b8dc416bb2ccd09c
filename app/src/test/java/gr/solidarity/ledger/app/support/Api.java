package gr.solidarity.ledger.app.support;

import gr.solidarity.ledger.messages.identity.Role;
import org.awaitility.Awaitility;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Small helpers for JSON calls in full-stack tests. By default each call is made by the person whose job it is: reads
 * by an auditor (who may read everything), approvals and rejections by a director, receipt confirmations by a member
 * of the structure the allocation is for, account and projection administration by the administrator, everything
 * else by an officer. Tests about who may do what pin the caller with {@link #as(Role)} or {@link #member(Role, String)}.
 */
public final class Api {

    private static final Pattern DECISION = Pattern.compile("/api/allocations/[^/]+/(approval|rejection)");
    private static final Pattern RECEIPT = Pattern.compile("/api/allocations/([^/]+)/receipt-confirmation");

    private final Identities identities;
    private final BiFunction<HttpMethod, String, WebTestClient> caller;

    Api(Identities identities) {
        this.identities = identities;
        this.caller = this::byJob;
    }

    private Api(Identities identities, WebTestClient pinned) {
        this.identities = identities;
        this.caller = (method, path) -> pinned;
    }

    public Api as(Role role) {
        return new Api(identities, role == Role.ADMIN ? identities.admin() : identities.staff(role));
    }

    public Api member(Role role, String organisationId) {
        return new Api(identities, identities.member(role, organisationId));
    }

    public Api anonymous() {
        return new Api(identities, identities.anonymous());
    }

    public Identities identities() {
        return identities;
    }

    /** The client for commands of an officer (or the pinned caller). */
    public WebTestClient http() {
        return caller.apply(HttpMethod.POST, "/api");
    }

    /** The client that would make this call. */
    public WebTestClient client(HttpMethod method, String path) {
        return caller.apply(method, path);
    }

    public WebTestClient.ResponseSpec post(String path, Object body) {
        return client(HttpMethod.POST, path).post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    public WebTestClient.ResponseSpec put(String path, Object body) {
        return client(HttpMethod.PUT, path).put().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    public WebTestClient.ResponseSpec get(String path) {
        return client(HttpMethod.GET, path).get().uri(path).exchange();
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

    private WebTestClient byJob(HttpMethod method, String path) {
        String route = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (route.startsWith("/api/admin/")) {
            return identities.admin();
        }
        if (method == HttpMethod.GET) {
            return identities.staff(Role.AUDITOR);
        }
        if (DECISION.matcher(route).matches()) {
            return identities.staff(Role.DIRECTOR);
        }
        var receipt = RECEIPT.matcher(route);
        if (receipt.matches()) {
            return identities.member(Role.RECIPIENT, recipientOf(receipt.group(1)));
        }
        return identities.staff(Role.OFFICER);
    }

    /** The allocation view may be a moment behind the proposal; it is read once it has it. */
    private String recipientOf(String allocationId) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            var answer = identities.staff(Role.AUDITOR).get().uri("/api/allocations/{id}", allocationId)
                    .exchange().returnResult(Map.class);
            Map<?, ?> allocation = answer.getStatus().is2xxSuccessful() ? answer.getResponseBody().blockFirst() : null;
            return allocation == null ? null : (String) allocation.get("recipientId");
        }, recipient -> recipient != null);
    }
}
