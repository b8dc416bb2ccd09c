package gr.solidarity.ledger.app.flow;

import gr.solidarity.ledger.app.support.EventLog;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated invalid and hostile bodies against every command endpoint: wrong types, nulls, huge and negative numbers,
 * overlong and control-character strings, unknown ids, deep nesting, broken JSON. Every one must be refused with a
 * 4xx problem document (never a 5xx), and none may store an event.
 * <p>
 * Each endpoint's template is refused twice over (an unknown record and an invalid field), and a generated case
 * replaces one value of it, or the whole body, with something hostile, so no case can become a valid command. The
 * generator is seeded ({@code -Dhostile.seed=…} to replay a run; {@code -Dhostile.cases=…} cases per endpoint).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCommandBodiesTest {

    static final String UNKNOWN = "0badc0de-0000-4000-8000-00000000dead";
    static final String HOLE = "\"__HOSTILE__\"";
    static final long SEED = Long.getLong("hostile.seed", System.nanoTime());
    static final int CASES = Integer.getInteger("hostile.cases", 12);

    record Endpoint(HttpMethod method, String path, Role role, Map<String, Object> template) {
    }

    RunningLedger ledger;
    Map<Role, WebTestClient> clients = new LinkedHashMap<>();
    int eventsBefore;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void start(@TempDir Path dataDirectory) {
        ledger = RunningLedger.start(dataDirectory);
        clients.put(Role.ADMIN, ledger.identities().admin());
        for (Role role : List.of(Role.OFFICER, Role.DIRECTOR)) {
            clients.put(role, ledger.identities().staff(role));
        }
        eventsBefore = EventLog.messages(ledger).size();
        System.out.println("Hostile bodies: seed " + SEED + ", " + CASES + " cases per endpoint");
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static final Map<String, Object> ADDRESS = object("street", "Κεντρική 1", "postalCode", "45444",
            "town", "Ιωάννινα");

    static List<Endpoint> endpoints() {
        HttpMethod post = HttpMethod.POST;
        HttpMethod put = HttpMethod.PUT;
        return List.of(
                new Endpoint(post, "/api/catalogue/items", Role.OFFICER, object("itemCode", "bad code!", "nameEl", "Ρύζι",
                        "nameEn", "Rice", "category", "DRY_FOOD", "unit", "PARSEC", "perishable", false)),
                new Endpoint(put, "/api/catalogue/items/NO-SUCH-ITEM", Role.OFFICER, object("nameEl", "Ρύζι",
                        "nameEn", "Rice", "category", "SWEETS", "perishable", false)),
                new Endpoint(post, "/api/catalogue/items/NO-SUCH-ITEM/retirement", Role.OFFICER, object("reason", "")),
                new Endpoint(put, "/api/catalogue/items/NO-SUCH-ITEM/minimum-stock", Role.OFFICER, object("minimum", -5)),
                new Endpoint(post, "/api/organisations/donor-companies", Role.OFFICER, object("legalName", "Α.Ε.",
                        "taxNumber", "094014202", "contact", object("person", "Μαρία"), "address", ADDRESS,
                        "municipalityCode", "0000")),
                new Endpoint(post, "/api/organisations/recipient-structures", Role.OFFICER, object("name", "Συσσίτιο",
                        "structureType", "CASINO", "contact", object("person", "π. Γεώργιος"), "address", ADDRESS,
                        "municipalityCode", "0000", "latitude", 0, "longitude", 0, "beneficiariesServed", 10)),
                new Endpoint(post, "/api/organisations/" + UNKNOWN + "/verification", Role.OFFICER, object("note", "x")),
                new Endpoint(post, "/api/organisations/" + UNKNOWN + "/suspension", Role.OFFICER, object("reason", "x")),
                new Endpoint(post, "/api/organisations/" + UNKNOWN + "/reinstatement", Role.OFFICER, object("note", "x")),
                new Endpoint(post, "/api/registry/structures", Role.OFFICER, object("nameEl", "Δομή", "type", "CASTLE",
                        "services", List.of("FEEDING"), "address", ADDRESS, "municipalityCode", "0000",
                        "latitude", 39.6, "longitude", 20.8)),
                new Endpoint(post, "/api/registry/structures/" + UNKNOWN + "/corrections", Role.OFFICER,
                        object("nameEl", "Δομή", "type", "SOCIAL_GROCERY", "address", ADDRESS, "municipalityCode", "1801",
                                "latitude", 39.6, "longitude", 20.8)),
                new Endpoint(put, "/api/registry/structures/" + UNKNOWN + "/services", Role.OFFICER,
                        object("services", List.of("FEEDING"))),
                new Endpoint(post, "/api/registry/structures/" + UNKNOWN + "/verification", Role.OFFICER,
                        object("verifiedBy", "x")),
                new Endpoint(post, "/api/registry/structures/" + UNKNOWN + "/closure", Role.OFFICER, object("reason", "x")),
                new Endpoint(post, "/api/warehouses", Role.OFFICER, object("name", "", "municipalityCode", "0000",
                        "address", ADDRESS)),
                new Endpoint(post, "/api/warehouses/" + UNKNOWN + "/receipts", Role.OFFICER, object("donorId", UNKNOWN,
                        "lines", List.of(object("itemCode", "NO-SUCH-ITEM", "quantity", 5, "lotCode", "L1")))),
                new Endpoint(post, "/api/warehouses/" + UNKNOWN + "/lots/" + UNKNOWN + "/adjustments", Role.OFFICER,
                        object("quantityDelta", -1, "reason", "DAMAGED", "comment", "x")),
                new Endpoint(post, "/api/warehouses/" + UNKNOWN + "/lots/" + UNKNOWN + "/counts", Role.OFFICER,
                        object("countedQuantity", 3, "comment", "x")),
                new Endpoint(post, "/api/transfers", Role.OFFICER, object("fromWarehouseId", UNKNOWN,
                        "toWarehouseId", UNKNOWN, "lines", List.of(object("lotId", UNKNOWN, "quantity", 1)))),
                new Endpoint(post, "/api/pledges", Role.OFFICER, object("donorId", UNKNOWN, "lines",
                        List.of(object("itemCode", "NO-SUCH-ITEM", "quantity", 5, "expectedDeliveryDate", "2030-01-01")))),
                new Endpoint(put, "/api/pledges/" + UNKNOWN + "/lines/1", Role.OFFICER, object("quantity", 3,
                        "expectedDeliveryDate", "2030-01-01")),
                new Endpoint(post, "/api/pledges/" + UNKNOWN + "/lines/1/withdrawal", Role.OFFICER, object("reason", "x")),
                new Endpoint(post, "/api/pledges/" + UNKNOWN + "/withdrawal", Role.OFFICER, object("reason", "x")),
                new Endpoint(post, "/api/needs", Role.OFFICER, object("recipientId", UNKNOWN, "lines",
                        List.of(object("itemCode", "NO-SUCH-ITEM", "quantity", 5, "priority", "URGENT",
                                "neededBy", "2030-01-01", "beneficiaries", 4)))),
                new Endpoint(put, "/api/needs/" + UNKNOWN + "/lines/1", Role.OFFICER, object("quantity", 3,
                        "priority", "NORMAL", "neededBy", "2030-01-01", "beneficiaries", 4)),
                new Endpoint(post, "/api/needs/" + UNKNOWN + "/cancellation", Role.OFFICER, object("reason", "x")),
                new Endpoint(post, "/api/allocations", Role.OFFICER, object("needId", UNKNOWN, "warehouseId", UNKNOWN,
                        "lines", List.of(object("needLineNo", 1, "quantity", 2)))),
                new Endpoint(post, "/api/allocations/" + UNKNOWN + "/approval", Role.DIRECTOR,
                        object("protocolNumber", "1/2026", "decisionDate", "2026-01-01")),
                new Endpoint(post, "/api/allocations/" + UNKNOWN + "/rejection", Role.DIRECTOR, object("reason", "x")),
                new Endpoint(post, "/api/allocations/" + UNKNOWN + "/cancellation", Role.OFFICER, object("reason", "x")),
                new Endpoint(post, "/api/allocations/" + UNKNOWN + "/dispatch", Role.OFFICER,
                        object("manifestNumber", "ΔΑ-1", "dispatchedOn", "2026-01-01")),
                new Endpoint(post, "/api/allocations/" + UNKNOWN + "/receipt-confirmation", Role.OFFICER,
                        object("receivedOn", "2026-01-01", "lines", List.of())),
                new Endpoint(post, "/api/admin/users", Role.ADMIN, object("username", "Not Valid", "displayName", "Χ",
                        "role", "EMPEROR", "password", "short")),
                new Endpoint(put, "/api/admin/users/no-such-user/role", Role.ADMIN, object("role", "EMPEROR")),
                new Endpoint(put, "/api/admin/users/no-such-user/password", Role.ADMIN, object("password", "short")),
                new Endpoint(post, "/api/admin/users/no-such-user/disabling", Role.ADMIN, object("reason", "x")),
                new Endpoint(post, "/api/admin/users/no-such-user/enabling", Role.ADMIN, object()));
    }

    /** Values no field of the ledger accepts where a template's invalid value already is, or that break parsing. */
    static List<Supplier<String>> hostileValues(Random random) {
        return List.of(
                () -> "null", () -> "true", () -> "[]", () -> "{}", () -> "-1", () -> "0",
                () -> String.valueOf(Long.MIN_VALUE), () -> "1e400", () -> "-1e400", () -> "123456789012345678901234567890",
                () -> "0.0000000000000000000000001", () -> "\"" + "Ω".repeat(5_000 + random.nextInt(20_000)) + "\"",
                () -> "\"\\u0000\\u0007\\u001b[31m\\r\\n\"", () -> "\"" + UNKNOWN + "\"", () -> "\"../../etc/passwd\"",
                () -> "\"<script>alert(1)</script>\"", () -> "\"2026-02-30\"", () -> "\"DROP TABLE\"",
                () -> "[".repeat(2_000) + "]".repeat(2_000), () -> "{\"a\":".repeat(300) + "1" + "}".repeat(300),
                () -> "\"" + "x".repeat(random.nextInt(3)) + "\"", () -> String.valueOf(random.nextInt()),
                () -> "[" + "1,".repeat(5_000) + "1]");
    }

    /** Whole bodies that are no command at all. */
    static List<Supplier<String>> hostileBodies() {
        return List.of(() -> "", () -> "null", () -> "[]", () -> "\"text\"", () -> "42", () -> "{", () -> "{\"a\":}",
                () -> "{}{}", () -> "\u0000\u0001", () -> "[".repeat(5_000), () -> "{\"lines\": [null, null]}");
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> paths(Object node, List<Object> prefix) {
        List<List<Object>> paths = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                List<Object> path = new ArrayList<>(prefix);
                path.add(key);
                paths.add(path);
                paths.addAll(paths(value, path));
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                List<Object> path = new ArrayList<>(prefix);
                path.add(i);
                paths.add(path);
                paths.addAll(paths(list.get(i), path));
            }
        }
        return paths;
    }

    @SuppressWarnings("unchecked")
    private static Object withHole(Object node, List<Object> path, int depth) {
        if (depth == path.size()) {
            return "__HOSTILE__";
        }
        Object step = path.get(depth);
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
            copy.put((String) step, withHole(copy.get(step), path, depth + 1));
            return copy;
        }
        List<Object> copy = new ArrayList<>((List<Object>) node);
        copy.set((Integer) step, withHole(copy.get((Integer) step), path, depth + 1));
        return copy;
    }

    private String body(Endpoint endpoint, Random random) {
        if (random.nextInt(6) == 0) {
            List<Supplier<String>> bodies = hostileBodies();
            return bodies.get(random.nextInt(bodies.size())).get();
        }
        List<List<Object>> paths = paths(endpoint.template(), List.of());
        List<Supplier<String>> values = hostileValues(random);
        String value = values.get(random.nextInt(values.size())).get();
        if (paths.isEmpty()) {
            return "{\"unexpected\": " + value + "}";
        }
        Object template = withHole(endpoint.template(), paths.get(random.nextInt(paths.size())), 0);
        return json.writeValueAsString(template).replace(HOLE, value);
    }

    @TestFactory
    Stream<DynamicTest> everyHostileBodyIsRefusedWithAProblemDocumentAndNeverA5xx() {
        Random random = new Random(SEED);
        List<DynamicTest> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (int i = 0; i < CASES; i++) {
                String body = body(endpoint, random);
                String shown = body.length() > 120 ? body.substring(0, 120) + "…(" + body.length() + ")" : body;
                cases.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.path() + " " + shown, () -> {
                    EntityExchangeResult<byte[]> answer = clients.get(endpoint.role()).method(endpoint.method())
                            .uri(endpoint.path()).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                            .exchange().expectBody().returnResult();
                    int status = answer.getStatus().value();
                    assertThat(status).as("status (seed %d)", SEED).isBetween(400, 499);
                    assertThat(answer.getResponseHeaders().getContentType())
                            .as("content type of %d (seed %d)", status, SEED)
                            .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                                    .isTrue());
                    Map<?, ?> problem = json.readValue(answer.getResponseBodyContent(), Map.class);
                    assertThat(problem.get("code")).as("code of %d (seed %d)", status, SEED).isNotNull();
                }));
            }
        }
        return cases.stream();
    }

    @Test
    void noHostileBodyStoredAnEvent() {
        // runs in either order with the cases above; it is checked again at the end of the class
        assertThat(EventLog.messages(ledger)).hasSize(eventsBefore);
    }

    @AfterAll
    void theEventStoreIsUnchanged() {
        assertThat(EventLog.messages(ledger)).as("events after every hostile body (seed %d)", SEED)
                .hasSize(eventsBefore);
    }
}
