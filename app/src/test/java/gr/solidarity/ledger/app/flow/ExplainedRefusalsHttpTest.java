package gr.solidarity.ledger.app.flow;

import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.LedgerScenario;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal a person or a client can meet says what it is: a status, a stable code, problem+json. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("unchecked")
class ExplainedRefusalsHttpTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    RunningLedger ledger;
    Api api;

    @BeforeAll
    void start(@TempDir Path dataDirectory) {
        ledger = RunningLedger.start(dataDirectory);
        api = ledger.api();
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    private static Map<String, Object> item(String code, String name) {
        return Map.of("itemCode", code, "nameEl", name, "nameEn", "Rice 1 kg", "category", "DRY_FOOD",
                "unit", "PACK", "perishable", false);
    }

    private List<EntityExchangeResult<Map<String, Object>>> atOnce(List<Map<String, Object>> bodies) throws Exception {
        WebTestClient officer = api.http();
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        CountDownLatch ready = new CountDownLatch(bodies.size());
        try {
            List<Future<EntityExchangeResult<Map<String, Object>>>> sent = new ArrayList<>();
            for (Map<String, Object> body : bodies) {
                Callable<EntityExchangeResult<Map<String, Object>>> call = () -> {
                    ready.countDown();
                    ready.await();
                    return officer.post().uri("/api/catalogue/items").contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(body).exchange().expectBody(JSON).returnResult();
                };
                sent.add(pool.submit(call));
            }
            List<EntityExchangeResult<Map<String, Object>>> answers = new ArrayList<>();
            for (Future<EntityExchangeResult<Map<String, Object>>> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCreatesOfOneItemCodeAnswerAsSequentialDuplicatesDoNever500() throws Exception {
        api.post("/api/catalogue/items", item("SEQ-1", "Ρύζι")).expectStatus().isCreated();
        Map<String, Object> sequential = api.post("/api/catalogue/items", item("SEQ-1", "Ρύζι άλλο"))
                .expectStatus().isEqualTo(409).expectBody(JSON).returnResult().getResponseBody();
        Object duplicateCode = sequential.get("code");

        for (int round = 0; round < 4; round++) {
            String code = "RACE-" + round;
            List<Map<String, Object>> bodies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                bodies.add(item(code, "Ρύζι " + i));
            }
            List<EntityExchangeResult<Map<String, Object>>> answers = atOnce(bodies);
            assertThat(answers).extracting(answer -> answer.getStatus().value()).doesNotContain(500)
                    .containsOnly(201, 409).containsOnlyOnce(201);
            assertThat(answers).filteredOn(answer -> answer.getStatus().value() == 409)
                    .allSatisfy(answer -> {
                        assertThat(answer.getResponseHeaders().getContentType())
                                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                        assertThat(answer.getResponseBody()).containsEntry("code", duplicateCode);
                    });

            List<EntityExchangeResult<Map<String, Object>>> same = atOnce(List.of(item(code + "-S", "Ίδιο"),
                    item(code + "-S", "Ίδιο"), item(code + "-S", "Ίδιο"), item(code + "-S", "Ίδιο")));
            assertThat(same).extracting(answer -> answer.getStatus().value()).containsOnly(201);
        }
    }

    private static Map<String, Object> donor(String name) {
        return Map.of("legalName", name, "taxNumber", "094014225",
                "contact", Map.of("person", "Μαρία Παπαδοπούλου", "email", "info@example.gr"),
                "address", Map.of("street", "Λεωφόρος Δωδώνης 10", "postalCode", "45221", "town", "Ιωάννινα"),
                "municipalityCode", "1801");
    }

    @Test
    void aSecondDonorCompanyWithTheSameTaxNumberIsRefusedNamingTheField() {
        api.post("/api/organisations/donor-companies", donor("Ελαιουργία Θεσπρωτίας Α.Ε.")).expectStatus().isCreated();
        api.post("/api/organisations/donor-companies", donor("Ελαιουργία Θεσπρωτίας (ξανά)"))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("TAX_NUMBER_TAKEN")
                .jsonPath("$.errors[0].field").isEqualTo("taxNumber");
    }

    @Test
    void aCountDatedInTheFutureOrBeforeItsLotCameInIsRefusedNamingTheDate() {
        LedgerScenario.Network network = LedgerScenario.setUpNetwork(api);
        String pledgeId = api.create("/api/pledges", LedgerScenario.pledge(network, 40));
        Map<String, Object> receipt = api.createAndRead("/api/warehouses/" + network.warehouseId() + "/receipts",
                LedgerScenario.receipt(pledgeId, 40));
        String counts = "/api/warehouses/" + network.warehouseId() + "/lots/"
                + ((List<?>) receipt.get("lotIds")).get(0) + "/counts";
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Athens"));
        for (Map.Entry<LocalDate, String> dated : Map.of(today.plusDays(1), "COUNTED_ON_IN_FUTURE",
                today.minusDays(1), "COUNTED_BEFORE_RECEIPT").entrySet()) {
            Map<String, Object> problem = api.post(counts, Map.of("countedQuantity", 38,
                            "countedOn", dated.getKey().toString()))
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(JSON).returnResult().getResponseBody();
            assertThat(problem).containsEntry("code", dated.getValue());
            assertThat((List<Map<String, Object>>) problem.get("errors")).extracting(error -> error.get("field"))
                    .containsExactly("countedOn");
        }
        api.post(counts, Map.of("countedQuantity", 38, "countedOn", today.toString())).expectStatus().isAccepted();
    }

    private void namesTheField(String path, String body, String field) {
        Map<String, Object> problem = api.http().post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) problem.get("errors")).extracting(error -> error.get("field"))
                .as(body).contains(field);
        assertThat(problem.toString()).doesNotContain("tools.jackson", "Cannot", "java.lang", "through reference");
    }

    @Test
    void aMissingOrMistypedNumberIsNamedAsTheFieldWithoutParserInternals() {
        String recipient = UUID.randomUUID().toString();
        namesTheField("/api/needs", """
                {"recipientId": "%s", "lines": [{"itemCode": "RICE", "quantity": 5, "priority": "URGENT",
                 "neededBy": "2030-01-01"}]}""".formatted(recipient), "lines[0].beneficiaries");
        namesTheField("/api/needs", """
                {"recipientId": "%s", "lines": [{"itemCode": "RICE", "quantity": "many", "priority": "URGENT",
                 "neededBy": "2030-01-01", "beneficiaries": 3}]}""".formatted(recipient), "lines[0].quantity");
        namesTheField("/api/allocations", """
                {"needId": "n-1", "warehouseId": "w-1", "lines": [{"quantity": 3}]}""", "lines[0].needLineNo");
        namesTheField("/api/organisations/recipient-structures", """
                {"name": "Συσσίτιο", "structureType": "PARISH_SOUP_KITCHEN", "contact": {"person": "π. Γεώργιος"},
                 "address": {"street": "Κεντρική 1", "postalCode": "45444", "town": "Ιωάννινα"},
                 "municipalityCode": "1801", "latitude": 39.665, "longitude": 20.853}""", "beneficiariesServed");
        namesTheField("/api/organisations/recipient-structures", """
                {"name": "Συσσίτιο", "structureType": "PARISH_SOUP_KITCHEN", "contact": {"person": "π. Γεώργιος"},
                 "address": {"street": "Κεντρική 1", "postalCode": "45444", "town": "Ιωάννινα"},
                 "municipalityCode": "1801", "latitude": 39.665, "longitude": 20.853, "beneficiariesServed": [1]}""",
                "beneficiariesServed");
    }

    @Test
    void theApiDescriptionRequiresTheNumbersAndListsCreatedAcceptedAndProblemAnswers() {
        WebTestClient.BodyContentSpec docs = ledger.http().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk().expectBody();
        docs.jsonPath("$.components.schemas.NeedLineRequestBody.required").value(required ->
                        assertThat((List<String>) required).contains("beneficiaries", "quantity"))
                .jsonPath("$.components.schemas.ProposedLineBody.required").value(required ->
                        assertThat((List<String>) required).contains("needLineNo"))
                .jsonPath("$.components.schemas.RecipientStructureRequest.required").value(required ->
                        assertThat((List<String>) required).contains("beneficiariesServed"))
                .jsonPath("$.components.schemas.Problem.properties.code").exists()
                .jsonPath("$.paths['/api/needs'].post.responses['201']").exists()
                .jsonPath("$.paths['/api/needs'].post.responses['200']").doesNotExist()
                .jsonPath("$.paths['/api/needs'].post.responses['400'].content['application/problem+json']").exists()
                .jsonPath("$.paths['/api/needs'].post.responses['422']").exists()
                .jsonPath("$.paths['/api/needs/{needId}/cancellation'].post.responses['202']").exists()
                .jsonPath("$.paths['/api/needs/{needId}'].get.responses['404'].content['application/problem+json']")
                .exists();
    }

    @Test
    void aMissingNeedOrAllocationIsAProblemDocumentNotAnEmptyBody() {
        for (String path : List.of("/api/needs/", "/api/allocations/", "/api/catalogue/items/")) {
            api.get(path + UUID.randomUUID()).expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND").jsonPath("$.status").isEqualTo(404);
        }
    }

    @Test
    void aBodyOverTheSizeLimitIsAProblemWithACode() {
        String huge = "Ρ".repeat(400_000);
        api.post("/api/catalogue/items", item("HUGE-1", huge)).expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("REQUEST_TOO_LARGE");
    }
}
