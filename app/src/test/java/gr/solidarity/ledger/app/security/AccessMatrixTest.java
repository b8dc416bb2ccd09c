package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Every endpoint of the running application, called by every kind of caller on their own and on another
 * organisation's records: anonymous callers are asked to sign in (401), roles the endpoint is not for are refused
 * (403), donor and recipient users find other organisations' records missing (404), and everyone else gets an answer
 * (2xx). The table of who may do what is written here, apart from the access policy it checks, and the endpoints
 * are read from the application, so an endpoint without a row (or a row without an endpoint) fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    /**
     * Routes the application serves that are not the ledger's API, each with why it is not in the table. The API
     * documentation is public on purpose (AccessPolicy permits it before anything else).
     */
    private static final Map<Predicate<String>, String> NOT_THE_API = Map.of(
            route -> route.matches("[A-Z]+ /v3/api-docs.*"), "springdoc's OpenAPI document, public by design",
            route -> route.matches("[A-Z]+ /swagger-ui.*"), "springdoc's Swagger UI page, public by design",
            route -> !route.matches("[A-Z]+ /api/.*") && !route.matches("[A-Z]+ /(v3|swagger-ui).*"),
            "the web interface's pages: who may open which is tested by PageAccessTest, and what they show in the browser tests");

    enum Caller {
        ANONYMOUS(null), DONOR(Role.DONOR), RECIPIENT(Role.RECIPIENT), OFFICER(Role.OFFICER),
        DIRECTOR(Role.DIRECTOR), AUDITOR(Role.AUDITOR), ADMIN(Role.ADMIN);

        final Role role;

        Caller(Role role) {
            this.role = role;
        }
    }

    /**
     * Whose records a route acts on, for donor and recipient users; MEMBER: the caller's own organisation, whichever
     * kind it is.
     */
    enum Scope { NONE, DONOR, RECIPIENT, MEMBER }

    enum Side { OWN, FOREIGN }

    /** One HTTP call; a stream is an SSE endpoint whose status is read before the stream is cancelled. */
    record Call(HttpMethod method, String uri, Object body, boolean stream) {
    }

    /**
     * What a call is built from: which side's records, and whether the call is expected to succeed, in which case a
     * command gets a target of its own in the state the command needs.
     */
    final class Target {
        final Side side;
        final boolean fresh;
        final Caller caller;

        Target(Side side, boolean fresh) {
            this(side, fresh, null);
        }

        Target(Side side, boolean fresh, Caller caller) {
            this.side = side;
            this.fresh = fresh;
            this.caller = caller;
        }

        /** The caller's own organisation (a donor company for staff), or another one of the same kind. */
        String organisation() {
            return caller == Caller.RECIPIENT ? recipient() : donor();
        }

        MatrixWorld.Side records() {
            return side == Side.OWN ? world.own : world.foreign;
        }

        String donor() {
            return records().donorId();
        }

        String recipient() {
            return records().recipientId();
        }

        String pledge() {
            return fresh ? world.pledge(donor()) : records().pledgeId();
        }

        String need() {
            return fresh ? world.need(recipient()) : records().needId();
        }

        String proposed() {
            return fresh ? world.proposedAllocation(recipient()) : records().proposedAllocationId();
        }

        String approved() {
            return fresh ? world.approvedAllocation(recipient()) : records().approvedAllocationId();
        }

        String dispatched() {
            return fresh ? world.dispatchedAllocation(recipient()) : records().dispatchedAllocationId();
        }

        String unverifiedOrganisation() {
            return fresh ? world.donorCompany() : world.unverifiedOrganisationId;
        }

        String verifiedOrganisation() {
            return fresh ? world.verifiedDonor() : world.own.donorId();
        }

        String suspendedOrganisation() {
            return fresh ? world.suspendedDonor() : world.suspendedOrganisationId;
        }

        String item() {
            return fresh ? world.item() : world.retirableItem;
        }

        /** A structure the call may change; refused callers are sent to the shared one, which they cannot reach. */
        String structure() {
            return fresh ? world.structure() : world.structureId;
        }

        String lot() {
            return fresh ? world.lot() : world.stockLotId;
        }

        String user() {
            return fresh ? world.user() : world.userName;
        }

        String disabledUser() {
            return fresh ? world.disabledUser() : world.disabledUserName;
        }
    }

    /**
     * @param refusalAccepted why a 409 or 422 is accepted as proof that access was granted, when a target of its own
     *                        per call is impractical; null when only 2xx is
     */
    record Row(HttpMethod method, String pattern, Set<Role> allowed, Scope scope, Function<Target, Call> call,
               String refusalAccepted) {
        String route() {
            return method.name() + " " + pattern;
        }
    }

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> DIRECTORATE = EnumSet.of(Role.OFFICER, Role.DIRECTOR);
    private static final Set<Role> STAFF_READERS = EnumSet.of(Role.OFFICER, Role.DIRECTOR, Role.AUDITOR);
    /** Routes open to anyone, signed in or not: what the public registry shows. */
    private static final Set<String> PUBLIC_ROUTES = Set.of("GET /api/public/structures/nearest",
            "GET /api/public/open-data/structures.geojson", "GET /api/public/open-data/structures.csv",
            "GET /api/public/open-data/structure-indicators", "GET /api/public/open-data/transparency",
            "GET /api/public/open-data/indicators.geojson", "GET /api/public/open-data/indicators.csv",
            "GET /api/public/open-data/hsds.json", "GET /api/public/open-data/hsds.zip");

    private RunningLedger ledger;
    private MatrixWorld world;
    private List<Row> table;

    @BeforeAll
    void startLedger(@TempDir Path dataDirectory) {
        ledger = RunningLedger.start(dataDirectory);
        world = new MatrixWorld(ledger.api());
        table = table();
    }

    @AfterAll
    void stopLedger() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void everyRouteOfTheApplicationHasARowAndEveryRowARoute() {
        Set<String> routes = routes();
        Set<String> rows = new TreeSet<>();
        for (Row row : table) {
            assertThat(rows.add(row.route())).as("one row per route: %s", row.route()).isTrue();
        }
        Set<String> withoutRow = new TreeSet<>(routes);
        withoutRow.removeAll(rows);
        Set<String> stale = new TreeSet<>(rows);
        stale.removeAll(routes);
        assertThat(withoutRow).as("routes the access matrix has no row for").isEmpty();
        assertThat(stale).as("rows of the access matrix that match no route").isEmpty();
    }

    @Test
    void everyCallerGetsTheAnswerTheirRoleAndOrganisationAllow() {
        Map<Caller, WebTestClient> callers = callers();
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (Row row : table) {
            List<Side> sides = row.scope() == Scope.NONE ? List.of(Side.OWN) : List.of(Side.OWN, Side.FOREIGN);
            for (Caller caller : Caller.values()) {
                for (Side side : sides) {
                    int expected = expected(row, caller, side);
                    Call call = row.call().apply(new Target(side, expected == 200, caller));
                    Answer answer = send(callers.get(caller), call);
                    cases++;
                    if (!matches(row, expected, answer.status())) {
                        wrong.add(String.format("%s as %s%s: expected %s, got %d %s", call.method() + " " + call.uri(),
                                caller, row.scope() == Scope.NONE ? "" : " (" + side.name().toLowerCase() + ")",
                                expected == 200 ? "2xx" : expected, answer.status().value(), answer.body()));
                    }
                }
            }
        }
        System.out.printf("Access matrix: %d routes, %d (route, caller, target) cases%n", table.size(), cases);
        assertThat(wrong).as("calls answered otherwise than the access matrix says").isEmpty();
    }

    /**
     * Every kind of command, sent by every role allowed to send it, is in the audit trail under that person: user id,
     * name, role and organisation, and the request's correlation id.
     */
    @Test
    void everyCommandNamesWhoSentItInTheAuditTrail() {
        Map<Caller, WebTestClient> callers = callers();
        Map<String, Caller> senders = new LinkedHashMap<>();
        Map<String, String> routes = new LinkedHashMap<>();
        Set<String> commandRoutes = new TreeSet<>();
        for (Row row : table) {
            if (row.method() == GET || !causesEvents(row)) {
                continue;
            }
            commandRoutes.add(row.route());
            for (Caller caller : Caller.values()) {
                if (caller == Caller.ANONYMOUS || !row.allowed().contains(caller.role)) {
                    continue;
                }
                String requestId = "actor-check-" + senders.size() + "-" + world.next();
                Call call = row.call().apply(new Target(Side.OWN, true));
                Answer answer = send(callers.get(caller).mutate().defaultHeader("X-Request-Id", requestId).build(), call);
                assertThat(answer.status().is2xxSuccessful()).as("%s as %s: %s", row.route(), caller, answer).isTrue();
                senders.put(requestId, caller);
                routes.put(requestId, row.route());
            }
        }
        assertThat(new TreeSet<>(routes.values())).as("every command route was sent").isEqualTo(commandRoutes);

        Map<String, List<Map<String, Object>>> trail = auditTrailByRequest();
        List<String> wrong = new ArrayList<>();
        senders.forEach((requestId, caller) -> {
            List<Map<String, Object>> entries = trail.getOrDefault(requestId, List.of());
            if (entries.isEmpty()) {
                wrong.add(routes.get(requestId) + " as " + caller + ": no audit entry");
            }
            String user = caller == Caller.ADMIN ? Identities.ADMIN
                    : caller.role.belongsToOrganisation() ? Identities.usernameOf(caller.role, organisationOf(caller))
                    : caller.role.name().toLowerCase();
            for (Map<String, Object> entry : entries) {
                boolean named = user.equals(entry.get("actor")) && caller.role.name().equals(entry.get("actorRole"))
                        && entry.get("actorName") != null
                        && java.util.Objects.equals(organisationOf(caller), entry.get("actorOrganisation"));
                if (!named) {
                    wrong.add(routes.get(requestId) + " as " + caller + ": " + entry.get("eventType") + " names "
                            + entry.get("actor") + "/" + entry.get("actorRole") + "/" + entry.get("actorOrganisation"));
                }
            }
        });
        System.out.printf("Actors: %d commands of %d kinds checked in the audit trail%n", senders.size(), commandRoutes.size());
        assertThat(wrong).as("commands whose audit entries do not name who sent them").isEmpty();
    }

    /** Signing in, rebuilding a view and resuming one record nothing. */
    private static boolean causesEvents(Row row) {
        return !row.pattern().equals("/api/auth/token") && !row.pattern().endsWith("/rebuild")
                && !row.pattern().endsWith("/retry");
    }

    private String organisationOf(Caller caller) {
        return switch (caller) {
            case DONOR -> world.own.donorId();
            case RECIPIENT -> world.own.recipientId();
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<Map<String, Object>>> auditTrailByRequest() {
        WebTestClient auditor = ledger.identities().staff(Role.AUDITOR);
        long head = ledger.bean(org.axonframework.eventsourcing.eventstore.EventStore.class).createHeadToken()
                .position().orElse(-1);
        Map<String, List<Map<String, Object>>> byRequest = new LinkedHashMap<>();
        String cursor = null;
        do {
            String uri = "/api/audit?limit=200&minPosition=" + head + (cursor == null ? "" : "&cursor=" + cursor);
            Map<String, Object> page = auditor.get().uri(uri).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            for (Map<String, Object> entry : (List<Map<String, Object>>) page.get("items")) {
                Object requestId = entry.get("requestId");
                if (requestId != null) {
                    byRequest.computeIfAbsent(requestId.toString(), id -> new ArrayList<>()).add(entry);
                }
            }
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return byRequest;
    }

    /** 200 stands for any 2xx. */
    private static int expected(Row row, Caller caller, Side side) {
        if (PUBLIC_ROUTES.contains(row.route())) {
            return 200;
        }
        if (caller == Caller.ANONYMOUS) {
            return 401;
        }
        if (!row.allowed().contains(caller.role)) {
            return 403;
        }
        boolean member = caller.role.belongsToOrganisation();
        if (member && row.scope() == Scope.NONE || !member) {
            return 200;
        }
        if (row.scope() == Scope.MEMBER) {
            return side == Side.OWN ? 200 : 404;
        }
        Scope own = caller.role == Role.DONOR ? Scope.DONOR : Scope.RECIPIENT;
        assertThat(row.scope()).as("%s is allowed to %s but its records are another kind's", caller, row.route())
                .isEqualTo(own);
        return side == Side.OWN ? 200 : 404;
    }

    private static boolean matches(Row row, int expected, HttpStatusCode status) {
        if (expected != 200) {
            return status.value() == expected;
        }
        return status.is2xxSuccessful()
                || row.refusalAccepted() != null && (status.value() == 409 || status.value() == 422);
    }

    private Map<Caller, WebTestClient> callers() {
        Identities identities = ledger.identities();
        Map<Caller, WebTestClient> callers = new LinkedHashMap<>();
        callers.put(Caller.ANONYMOUS, identities.anonymous());
        callers.put(Caller.DONOR, identities.member(Role.DONOR, world.own.donorId()));
        callers.put(Caller.RECIPIENT, identities.member(Role.RECIPIENT, world.own.recipientId()));
        callers.put(Caller.OFFICER, identities.staff(Role.OFFICER));
        callers.put(Caller.DIRECTOR, identities.staff(Role.DIRECTOR));
        callers.put(Caller.AUDITOR, identities.staff(Role.AUDITOR));
        callers.put(Caller.ADMIN, identities.admin());
        return callers;
    }

    record Answer(HttpStatusCode status, String body) {
    }

    private static Answer send(WebTestClient client, Call call) {
        WebTestClient.RequestBodySpec request = client.method(call.method()).uri(call.uri());
        if (call.stream()) {
            FluxExchangeResult<String> result = request.accept(MediaType.TEXT_EVENT_STREAM).exchange()
                    .returnResult(String.class);
            // an open stream never ends: the status is all this test needs from it
            result.getResponseBody().subscribe().dispose();
            return new Answer(result.getStatus(), "");
        }
        WebTestClient.RequestHeadersSpec<?> withBody = call.body() == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(call.body());
        var result = withBody.exchange().expectBody(String.class).returnResult();
        String body = result.getResponseBody() == null ? "" : result.getResponseBody();
        return new Answer(result.getStatus(), body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }

    /** Every method × pattern the application's request mappings serve, minus {@link #NOT_THE_API}. */
    private Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : ledger.context()
                .getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            mapping.getHandlerMethods().keySet().forEach(info -> {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                    if (methods.isEmpty()) {
                        routes.add("ANY " + pattern.getPatternString());
                    }
                    methods.forEach(method -> routes.add(method.name() + " " + pattern.getPatternString()));
                }
            });
        }
        NOT_THE_API.forEach((excluded, why) -> assertThat(routes.stream().filter(excluded))
                .as("an exclusion that excludes nothing (%s)", why).isNotEmpty());
        routes.removeIf(route -> NOT_THE_API.keySet().stream().anyMatch(excluded -> excluded.test(route)));
        assertThat(routes).as("the application's routes").isNotEmpty();
        return routes;
    }

    private static Call get(String uri) {
        return new Call(GET, uri, null, false);
    }

    private static Call stream(String uri) {
        return new Call(GET, uri, null, true);
    }

    private static Call post(String uri, Object body) {
        return new Call(POST, uri, body, false);
    }

    private static Call put(String uri, Object body) {
        return new Call(PUT, uri, body, false);
    }

    private static Row row(HttpMethod method, String pattern, Set<Role> allowed, Function<Target, Call> call) {
        return new Row(method, pattern, allowed, Scope.NONE, call, null);
    }

    private static Row scoped(HttpMethod method, String pattern, Set<Role> allowed, Scope scope,
                              Function<Target, Call> call) {
        return new Row(method, pattern, allowed, scope, call, null);
    }

    private static Set<Role> roles(Role first, Role... rest) {
        return EnumSet.of(first, rest);
    }

    private List<Row> table() {
        MatrixWorld w = world;
        Map<String, Object> reason = Map.of("reason", "έλεγχος πρόσβασης");
        List<Row> rows = new ArrayList<>(List.of(
                // signing in and who am I: anyone signed in
                row(POST, "/api/auth/token", EVERYONE, t -> post("/api/auth/token", null)),
                row(GET, "/api/me", EVERYONE, t -> get("/api/me")),

                // user accounts: administrators manage, auditors read
                row(POST, "/api/admin/users", roles(Role.ADMIN), t -> post("/api/admin/users", Map.of(
                        "username", "matrix-new-" + w.next(), "displayName", "Νέος χρήστης", "role", "AUDITOR",
                        "password", "a long enough password"))),
                row(GET, "/api/admin/users", roles(Role.ADMIN, Role.AUDITOR), t -> get("/api/admin/users")),
                row(GET, "/api/admin/users/{username}", roles(Role.ADMIN, Role.AUDITOR),
                        t -> get("/api/admin/users/" + w.userName)),
                row(PUT, "/api/admin/users/{username}/role", roles(Role.ADMIN),
                        t -> put("/api/admin/users/" + t.user() + "/role", Map.of("role", "DIRECTOR"))),
                row(PUT, "/api/admin/users/{username}/password", roles(Role.ADMIN),
                        t -> put("/api/admin/users/" + t.user() + "/password",
                                Map.of("password", "another long password"))),
                row(POST, "/api/admin/users/{username}/disabling", roles(Role.ADMIN),
                        t -> post("/api/admin/users/" + t.user() + "/disabling", reason)),
                row(POST, "/api/admin/users/{username}/enabling", roles(Role.ADMIN),
                        t -> post("/api/admin/users/" + t.disabledUser() + "/enabling", null)),
                row(GET, "/api/admin/projections", roles(Role.ADMIN, Role.AUDITOR), t -> get("/api/admin/projections")),

                // organisations, warehouses, catalogue and stock movements: the directorate
                row(POST, "/api/organisations/donor-companies", DIRECTORATE, t -> post(
                        "/api/organisations/donor-companies", Map.of("legalName", "Νέα Δωρήτρια Α.Ε.",
                                "taxNumber", w.taxNumber(),
                                "contact", Map.of("person", "Ελένη Κ."),
                                "address", Map.of("street", "Δωδώνης 1", "postalCode", "45221", "town", "Ιωάννινα"),
                                "municipalityCode", "1801"))),
                row(POST, "/api/organisations/recipient-structures", DIRECTORATE, t -> post(
                        "/api/organisations/recipient-structures", Map.of("name", "Κοινωνικό Παντοπωλείο",
                                "structureType", "PARISH_SOUP_KITCHEN", "contact", Map.of("person", "Νίκος Π."),
                                "address", Map.of("street", "Αγίου Νικολάου 1", "postalCode", "45444", "town", "Ιωάννινα"),
                                "municipalityCode", "1801", "latitude", 39.665, "longitude", 20.853,
                                "beneficiariesServed", 40))),
                row(POST, "/api/organisations/{organisationId}/verification", DIRECTORATE,
                        t -> post("/api/organisations/" + t.unverifiedOrganisation() + "/verification", Map.of())),
                row(POST, "/api/organisations/{organisationId}/suspension", DIRECTORATE,
                        t -> post("/api/organisations/" + t.verifiedOrganisation() + "/suspension", reason)),
                row(POST, "/api/organisations/{organisationId}/reinstatement", DIRECTORATE,
                        t -> post("/api/organisations/" + t.suspendedOrganisation() + "/reinstatement", Map.of())),

                // the registry of social structures: the directorate keeps it, auditors read it
                row(POST, "/api/registry/structures", DIRECTORATE, t -> post("/api/registry/structures",
                        MatrixWorld.structureBody("Δομή " + w.next()))),
                row(POST, "/api/registry/structures/{structureId}/corrections", DIRECTORATE,
                        t -> post("/api/registry/structures/" + t.structure() + "/corrections",
                                MatrixWorld.structureBody("Διορθωμένη δομή " + w.next()))),
                row(PUT, "/api/registry/structures/{structureId}/services", DIRECTORATE,
                        t -> put("/api/registry/structures/" + t.structure() + "/services",
                                Map.of("services", List.of("FEEDING")))),
                row(POST, "/api/registry/structures/{structureId}/verification", DIRECTORATE,
                        t -> post("/api/registry/structures/" + t.structure() + "/verification",
                                Map.of("verifiedBy", "Α. Κωστοπούλου"))),
                row(POST, "/api/registry/structures/{structureId}/closure", DIRECTORATE,
                        t -> post("/api/registry/structures/" + t.structure() + "/closure", reason)),
                row(GET, "/api/registry/structures", STAFF_READERS, t -> get("/api/registry/structures")),
                row(GET, "/api/registry/structures/{structureId}", STAFF_READERS,
                        t -> get("/api/registry/structures/" + w.structureId)),
                row(GET, "/api/registry/public-cards", STAFF_READERS, t -> get("/api/registry/public-cards")),
                row(GET, "/api/registry/public-cards/{structureId}", STAFF_READERS,
                        t -> get("/api/registry/public-cards/" + w.structureId)),
                row(GET, "/api/public/structures/nearest", EVERYONE,
                        t -> get("/api/public/structures/nearest?lat=39.64&lon=22.42&k=3")),
                row(GET, "/api/public/open-data/structures.geojson", EVERYONE,
                        t -> get("/api/public/open-data/structures.geojson")),
                row(GET, "/api/public/open-data/structures.csv", EVERYONE,
                        t -> get("/api/public/open-data/structures.csv?greek_grid=true")),
                row(GET, "/api/public/open-data/structure-indicators", EVERYONE,
                        t -> get("/api/public/open-data/structure-indicators")),
                row(GET, "/api/public/open-data/transparency", EVERYONE,
                        t -> get("/api/public/open-data/transparency")),
                row(GET, "/api/public/open-data/indicators.geojson", EVERYONE,
                        t -> get("/api/public/open-data/indicators.geojson")),
                row(GET, "/api/public/open-data/indicators.csv", EVERYONE,
                        t -> get("/api/public/open-data/indicators.csv?greek_grid=true")),
                row(GET, "/api/public/open-data/hsds.json", EVERYONE,
                        t -> get("/api/public/open-data/hsds.json")),
                row(GET, "/api/public/open-data/hsds.zip", EVERYONE,
                        t -> get("/api/public/open-data/hsds.zip?modified_after=2026-01-01")),

                row(GET, "/api/catalogue/items",
                        roles(Role.DONOR, Role.RECIPIENT, Role.OFFICER, Role.DIRECTOR, Role.AUDITOR),
                        t -> get("/api/catalogue/items")),
                row(GET, "/api/catalogue/items/{itemCode}",
                        roles(Role.DONOR, Role.RECIPIENT, Role.OFFICER, Role.DIRECTOR, Role.AUDITOR),
                        t -> get("/api/catalogue/items/" + MatrixWorld.ITEM)),
                row(POST, "/api/catalogue/items", DIRECTORATE, t -> post("/api/catalogue/items", Map.of(
                        "itemCode", "MX-NEW-" + w.next(), "nameEl", "Ρύζι", "nameEn", "Rice",
                        "category", "DRY_FOOD", "unit", "PACK", "perishable", false))),
                row(PUT, "/api/catalogue/items/{itemCode}", DIRECTORATE, t -> put("/api/catalogue/items/" + t.item(),
                        Map.of("nameEl", "Είδος " + w.next(), "nameEn", "Item", "category", "DRY_FOOD",
                                "perishable", false))),
                row(POST, "/api/catalogue/items/{itemCode}/retirement", DIRECTORATE,
                        t -> post("/api/catalogue/items/" + t.item() + "/retirement", reason)),
                row(PUT, "/api/catalogue/items/{itemCode}/minimum-stock", DIRECTORATE,
                        t -> put("/api/catalogue/items/" + t.item() + "/minimum-stock", Map.of("minimum", 5))),

                row(POST, "/api/warehouses", DIRECTORATE, t -> post("/api/warehouses", Map.of("name", "Νέα Αποθήκη",
                        "municipalityCode", "1801", "address", Map.of("street", "Οδός 1", "town", "Ιωάννινα")))),
                row(POST, "/api/warehouses/{warehouseId}/receipts", DIRECTORATE,
                        t -> post("/api/warehouses/" + w.warehouseId + "/receipts",
                                MatrixWorld.receiptBody(w.own.donorId(), 5))),
                row(POST, "/api/warehouses/{warehouseId}/lots/{lotId}/adjustments", DIRECTORATE,
                        t -> post("/api/warehouses/" + w.warehouseId + "/lots/" + t.lot() + "/adjustments",
                                Map.of("quantityDelta", -1, "reason", "SPOILED"))),
                row(POST, "/api/warehouses/{warehouseId}/lots/{lotId}/counts", DIRECTORATE,
                        t -> post("/api/warehouses/" + w.warehouseId + "/lots/" + t.lot() + "/counts",
                                Map.of("countedQuantity", 99))),
                row(POST, "/api/transfers", DIRECTORATE, t -> post("/api/transfers", Map.of(
                        "fromWarehouseId", w.warehouseId, "toWarehouseId", w.otherWarehouseId,
                        "lines", List.of(Map.of("lotId", t.lot(), "quantity", 1))))),

                // pledges: the donor company's own members, or the directorate on its behalf
                scoped(POST, "/api/pledges", roles(Role.DONOR, Role.OFFICER, Role.DIRECTOR), Scope.DONOR,
                        t -> post("/api/pledges", MatrixWorld.pledgeBody(t.donor()))),
                scoped(PUT, "/api/pledges/{pledgeId}/lines/{lineNo}", roles(Role.DONOR, Role.OFFICER, Role.DIRECTOR),
                        Scope.DONOR, t -> put("/api/pledges/" + t.pledge() + "/lines/1", Map.of("quantity", 12,
                                "expectedDeliveryDate", MatrixWorld.TODAY.plusDays(3).toString()))),
                scoped(POST, "/api/pledges/{pledgeId}/lines/{lineNo}/withdrawal",
                        roles(Role.DONOR, Role.OFFICER, Role.DIRECTOR), Scope.DONOR,
                        t -> post("/api/pledges/" + t.pledge() + "/lines/1/withdrawal", reason)),
                scoped(POST, "/api/pledges/{pledgeId}/withdrawal", roles(Role.DONOR, Role.OFFICER, Role.DIRECTOR),
                        Scope.DONOR, t -> post("/api/pledges/" + t.pledge() + "/withdrawal", reason)),
                scoped(GET, "/api/donors/{donorId}/statement",
                        roles(Role.DONOR, Role.OFFICER, Role.DIRECTOR, Role.AUDITOR), Scope.DONOR,
                        t -> get("/api/donors/" + t.donor() + "/statement")),
                row(GET, "/api/donors/statements", STAFF_READERS, t -> get("/api/donors/statements")),
                scoped(GET, "/api/pledges", roles(Role.DONOR, Role.OFFICER, Role.DIRECTOR, Role.AUDITOR), Scope.DONOR,
                        t -> get("/api/pledges?donorId=" + t.donor())),
                scoped(GET, "/api/pledges/{pledgeId}", roles(Role.DONOR, Role.OFFICER, Role.DIRECTOR, Role.AUDITOR),
                        Scope.DONOR, t -> get("/api/pledges/" + t.records().pledgeId())),

                // the organisation registry: everyone but administrators; a member sees their own organisation only
                scoped(GET, "/api/organisations", roles(Role.DONOR, Role.RECIPIENT, Role.OFFICER, Role.DIRECTOR,
                        Role.AUDITOR), Scope.MEMBER, t -> get("/api/organisations?organisationId=" + t.organisation())),
                scoped(GET, "/api/organisations/{organisationId}", roles(Role.DONOR, Role.RECIPIENT, Role.OFFICER,
                        Role.DIRECTOR, Role.AUDITOR), Scope.MEMBER, t -> get("/api/organisations/" + t.organisation())),

                // needs: the structure's own members, or the directorate on its behalf
                scoped(POST, "/api/needs", roles(Role.RECIPIENT, Role.OFFICER, Role.DIRECTOR), Scope.RECIPIENT,
                        t -> post("/api/needs", MatrixWorld.needBody(t.recipient()))),
                scoped(PUT, "/api/needs/{needId}/lines/{lineNo}", roles(Role.RECIPIENT, Role.OFFICER, Role.DIRECTOR),
                        Scope.RECIPIENT, t -> put("/api/needs/" + t.need() + "/lines/1", Map.of("quantity", 2,
                                "priority", "NORMAL", "neededBy", MatrixWorld.TODAY.plusDays(9).toString(),
                                "beneficiaries", 12))),
                scoped(POST, "/api/needs/{needId}/cancellation", roles(Role.RECIPIENT, Role.OFFICER, Role.DIRECTOR),
                        Scope.RECIPIENT, t -> post("/api/needs/" + t.need() + "/cancellation", reason)),
                scoped(GET, "/api/needs/board", roles(Role.RECIPIENT, Role.OFFICER, Role.DIRECTOR, Role.AUDITOR),
                        Scope.RECIPIENT, t -> get("/api/needs/board?recipientId=" + t.recipient())),
                // the stream takes no organisation: a member's stream is filtered to their own structure's needs
                row(GET, "/api/needs/board/stream", roles(Role.RECIPIENT, Role.OFFICER, Role.DIRECTOR, Role.AUDITOR),
                        t -> stream("/api/needs/board/stream")),
                scoped(GET, "/api/needs/{needId}", roles(Role.RECIPIENT, Role.OFFICER, Role.DIRECTOR, Role.AUDITOR),
                        Scope.RECIPIENT, t -> get("/api/needs/" + t.records().needId())),

                // allocations: the directorate proposes, cancels and dispatches; directors decide; the structure confirms
                row(POST, "/api/allocations", DIRECTORATE,
                        t -> post("/api/allocations", w.proposalBody(t.fresh ? w.need(w.own.recipientId())
                                : w.own.needId()))),
                row(POST, "/api/allocations/{allocationId}/approval", roles(Role.DIRECTOR),
                        t -> post("/api/allocations/" + t.proposed() + "/approval", w.approvalBody())),
                row(POST, "/api/allocations/{allocationId}/rejection", roles(Role.DIRECTOR),
                        t -> post("/api/allocations/" + t.proposed() + "/rejection", reason)),
                row(POST, "/api/allocations/{allocationId}/cancellation", DIRECTORATE,
                        t -> post("/api/allocations/" + t.approved() + "/cancellation", reason)),
                row(POST, "/api/allocations/{allocationId}/dispatch", DIRECTORATE,
                        t -> post("/api/allocations/" + t.approved() + "/dispatch", w.dispatchBody())),
                scoped(POST, "/api/allocations/{allocationId}/receipt-confirmation", roles(Role.RECIPIENT),
                        Scope.RECIPIENT, t -> post("/api/allocations/" + t.dispatched() + "/receipt-confirmation",
                                Map.of())),
                scoped(GET, "/api/allocations", roles(Role.RECIPIENT, Role.OFFICER, Role.DIRECTOR, Role.AUDITOR),
                        Scope.RECIPIENT, t -> get("/api/allocations?recipientId=" + t.recipient())),
                scoped(GET, "/api/allocations/{allocationId}",
                        roles(Role.RECIPIENT, Role.OFFICER, Role.DIRECTOR, Role.AUDITOR), Scope.RECIPIENT,
                        t -> get("/api/allocations/" + t.records().receivedAllocationId())),
                row(GET, "/api/allocations/approvals", STAFF_READERS, t -> get("/api/allocations/approvals")),
                row(GET, "/api/allocations/approvals/stream", STAFF_READERS,
                        t -> stream("/api/allocations/approvals/stream")),

                // stock and distribution: the directorate and auditors
                row(GET, "/api/stock/lots", STAFF_READERS, t -> get("/api/stock/lots")),
                row(GET, "/api/stock/lots/stream", STAFF_READERS, t -> stream("/api/stock/lots/stream")),
                row(GET, "/api/stock/items", STAFF_READERS, t -> get("/api/stock/items")),
                row(GET, "/api/stock/categories", STAFF_READERS, t -> get("/api/stock/categories")),
                row(GET, "/api/stock/near-expiry", STAFF_READERS, t -> get("/api/stock/near-expiry")),
                row(GET, "/api/stock/low", STAFF_READERS, t -> get("/api/stock/low")),
                row(GET, "/api/distribution", STAFF_READERS, t -> get("/api/distribution")),
                row(GET, "/api/distribution/lots/{lotId}/recipients", STAFF_READERS,
                        t -> get("/api/distribution/lots/" + w.stockLotId + "/recipients")),
                row(GET, "/api/distribution/recipients/{recipientId}/donors", STAFF_READERS,
                        t -> get("/api/distribution/recipients/" + w.own.recipientId() + "/donors")),

                // the audit trail and the past: auditors
                row(GET, "/api/audit", roles(Role.AUDITOR), t -> get("/api/audit")),
                row(GET, "/api/audit/stream", roles(Role.AUDITOR), t -> stream("/api/audit/stream")),
                row(GET, "/api/audit/entities/{entityId}/timeline", roles(Role.AUDITOR),
                        t -> get("/api/audit/entities/" + w.own.pledgeId() + "/timeline")),
                row(GET, "/api/as-of/stock", roles(Role.AUDITOR), t -> get("/api/as-of/stock?at=" + w.past)),
                row(GET, "/api/as-of/allocations", roles(Role.AUDITOR),
                        t -> get("/api/as-of/allocations?at=" + w.past)),
                row(GET, "/api/as-of/structures", roles(Role.AUDITOR),
                        t -> get("/api/as-of/structures?at=" + w.past))));
        rows.add(row(POST, "/api/admin/projections/{name}/retry", roles(Role.ADMIN),
                t -> post("/api/admin/projections/stock/retry", null)));
        // Last: a rebuild empties a view while it replays, which the reads above must not meet.
        rows.add(row(POST, "/api/admin/projections/{name}/rebuild", roles(Role.ADMIN),
                t -> post("/api/admin/projections/distribution-history/rebuild", null)));
        return rows;
    }
}
