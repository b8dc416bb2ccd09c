package gr.solidarity.ledger.app.production;

import gr.solidarity.ledger.app.SolidarityLedgerApplication;
import gr.solidarity.ledger.messages.catalogue.CatalogueCommands.AddCatalogueItem;
import gr.solidarity.ledger.messages.catalogue.ItemCategory;
import gr.solidarity.ledger.messages.catalogue.UnitOfMeasure;
import gr.solidarity.ledger.messages.common.ContactDetails;
import gr.solidarity.ledger.messages.common.GeoPoint;
import gr.solidarity.ledger.messages.common.PostalAddress;
import gr.solidarity.ledger.messages.need.NeedCommands.DeclareNeed;
import gr.solidarity.ledger.messages.need.NeedCommands.NeedLineRequest;
import gr.solidarity.ledger.messages.need.NeedPriority;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterDonorCompany;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.RegisterRecipientStructure;
import gr.solidarity.ledger.messages.organisation.OrganisationCommands.VerifyOrganisation;
import gr.solidarity.ledger.messages.organisation.RecipientStructureType;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiptLine;
import gr.solidarity.ledger.messages.stock.StockCommands.ReceiveGoods;
import gr.solidarity.ledger.messages.warehouse.WarehouseCommands.RegisterWarehouse;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import gr.solidarity.ledger.app.support.ProductionContainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production as it runs: Axon Server SE and MongoDB in containers, two command processes and two query processes of
 * the same jar, local identity with one shared token key. Runs wherever Docker is available; elsewhere JUnit reports
 * it skipped ("Docker is not available"). Every behaviour here that the embedded default can show is also tested
 * there (ViewPositionsTest, CatalogueListOverTheWireTest, AsOfQueryHandlerTest, LostRaceOverAxonServerTest,
 * StoresUnavailableTest, MongoDatabaseNameTest, SplitProcessesTest).
 */
@Testcontainers(disabledWithoutDocker = true)
class AxonServerTopologyTest {

    static final String ADMIN_PASSWORD = "the administrator's password";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Athens"));

    @Container
    static final GenericContainer<?> AXON_SERVER = ProductionContainers.axonServer();

    @Container
    static final GenericContainer<?> MONGO = ProductionContainers.mongo();

    @TempDir
    static Path directory;

    static Ledger command1;
    static Ledger command2;
    static Ledger query1;
    static Ledger query2;

    @BeforeAll
    static void startProcesses() throws Exception {
        Path key = directory.resolve("token-signing-key.pem");
        Files.writeString(key, pkcs8Pem());
        command1 = Ledger.start("command-1", "command", key);
        command2 = Ledger.start("command-2", "command", key);
        query1 = Ledger.start("query-1", "query", key);
        query2 = Ledger.start("query-2", "query", key);
        createUser("officer", "OFFICER");
        createUser("auditor", "AUDITOR");
    }

    @AfterAll
    static void stopProcesses() {
        for (Ledger ledger : new Ledger[]{query2, query1, command2, command1}) {
            if (ledger != null) {
                ledger.context.close();
            }
        }
    }

    @Test
    void aChangeMadeOnOneCommandProcessIsReadOnEveryQueryProcessWithTheSameToken() {
        String token = command1.token("officer", passwordOf("officer"));
        long position = created(command2.as(token).post().uri("/api/catalogue/items")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(item("PASTA-500G")).exchange());

        for (Ledger query : List.of(query1, query2)) {
            query.as(token).get().uri("/api/catalogue/items?minPosition=" + position).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$[?(@.id == 'PASTA-500G')]").exists();
            query.as(token).get().uri("/api/stock/categories").exchange().expectStatus().isOk();
            // a view that does not handle catalogue events is not sent them, and still reflects the position
            query.as(token).get().uri("/api/needs/board?waitMillis=2000&minPosition=" + position).exchange()
                    .expectStatus().isOk();
        }
        command1.as(token).get().uri("/api/me").exchange().expectStatus().isOk();
        command1.as(token).get().uri("/").exchange().expectStatus().isSeeOther();
    }

    @Test
    void refusalsKeepTheirCodesAcrossProcesses() {
        String token = command1.token("officer", passwordOf("officer"));
        created(command1.as(token).post().uri("/api/catalogue/items").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(item("OIL-1L")).exchange());
        command2.as(token).post().uri("/api/catalogue/items/OIL-1L/retirement").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").exists();
        command2.as(token).post().uri("/api/allocations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("needId", UUID.randomUUID().toString(), "warehouseId", UUID.randomUUID().toString(),
                        "lines", List.of(Map.of("needLineNo", 1, "quantity", 1))))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void racingProposalsOnTwoCommandProcessesAreAcceptedRefusedOrConflictingNeverFailed() throws Exception {
        CommandGateway commands = command1.context.getBean(CommandGateway.class);
        String donor = id();
        commands.sendAndWait(new RegisterDonorCompany(donor, "Δωρήτρια Α.Ε.", "094014201",
                new ContactDetails("Νίκος", null, null), new PostalAddress("Οδός 1", null, "Άρτα"), "1901"));
        commands.sendAndWait(new VerifyOrganisation(donor, null));
        String recipient = id();
        commands.sendAndWait(new RegisterRecipientStructure(recipient, "Κοινωνικό Παντοπωλείο Άρτας",
                RecipientStructureType.SOCIAL_GROCERY, new ContactDetails("Ελένη", null, null),
                new PostalAddress("Οδός 2", null, "Άρτα"), "1901", new GeoPoint(39.16, 20.98), 300));
        commands.sendAndWait(new VerifyOrganisation(recipient, null));
        commands.sendAndWait(new AddCatalogueItem("RICE-1KG", "Ρύζι 1 κιλό", "Rice 1 kg", ItemCategory.DRY_FOOD,
                UnitOfMeasure.PACK, false));
        String warehouse = id();
        commands.sendAndWait(new RegisterWarehouse(warehouse, "Αποθήκη Άρτας", "1901",
                new PostalAddress("ΒΙΠΕ", null, "Άρτα")));
        commands.sendAndWait(new ReceiveGoods(warehouse, id(), null, donor, TODAY, List.of(
                new ReceiptLine("RICE-1KG", new BigDecimal("100"), TODAY.plusMonths(6), "A", null))));
        String need = id();
        commands.sendAndWait(new DeclareNeed(need, recipient, List.of(new NeedLineRequest("RICE-1KG",
                new BigDecimal("1000"), NeedPriority.NORMAL, TODAY.plusDays(10), 50)), null));

        String token = command1.token("officer", passwordOf("officer"));
        ExecutorService officers = Executors.newFixedThreadPool(12);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            Ledger through = i % 2 == 0 ? command1 : command2;
            outcomes.add(officers.submit(() -> through.as(token).post().uri("/api/allocations")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("needId", need, "warehouseId", warehouse,
                            "lines", List.of(Map.of("needLineNo", 1, "quantity", 7))))
                    .exchange().returnResult(String.class).getStatus().value()));
        }
        Map<Integer, Integer> byStatus = new HashMap<>();
        for (Future<Integer> outcome : outcomes) {
            byStatus.merge(outcome.get(), 1, Integer::sum);
        }
        officers.shutdown();

        assertThat(byStatus.keySet()).isSubsetOf(201, 409, 422);
        assertThat(byStatus.getOrDefault(201, 0)).as("7 each from 100 on hand").isBetween(1, 14);
    }

    @Test
    void asOfViewsFoldTheHistoryOfAxonServer() {
        CommandGateway commands = command1.context.getBean(CommandGateway.class);
        String warehouse = id();
        commands.sendAndWait(new RegisterWarehouse(warehouse, "Αποθήκη Πρέβεζας", "1901",
                new PostalAddress("ΒΙΠΕ", null, "Πρέβεζα")));
        commands.sendAndWait(new AddCatalogueItem("FLOUR-1KG", "Αλεύρι", "Flour", ItemCategory.DRY_FOOD,
                UnitOfMeasure.PACK, false));
        commands.sendAndWait(new ReceiveGoods(warehouse, id(), null, null, TODAY, List.of(
                new ReceiptLine("FLOUR-1KG", new BigDecimal("20"), TODAY.plusMonths(6), "F", null))));
        String token = query1.token("auditor", passwordOf("auditor"));

        query1.as(token).get().uri("/api/as-of/stock?at=" + Instant.now() + "&warehouseId=" + warehouse).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1);
    }

    @Test
    void axonServerDownIsAnswered503AndTheProcessesRecoverWhenItIsBack() {
        String token = command1.token("officer", passwordOf("officer"));
        var docker = AXON_SERVER.getDockerClient();
        docker.pauseContainerCmd(AXON_SERVER.getContainerId()).exec();
        try {
            command1.as(token).post().uri("/api/catalogue/items").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(item("SUGAR-1KG")).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                    .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> command1.http.get()
                    .uri("/actuator/health/readiness").exchange().returnResult(String.class).getStatus().value() == 503);
        } finally {
            docker.unpauseContainerCmd(AXON_SERVER.getContainerId()).exec();
        }
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> command1.as(token).post().uri("/api/catalogue/items")
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(item("SUGAR-1KG")).exchange()
                        .returnResult(String.class).getStatus().value() == 201);
    }

    private static long created(WebTestClient.ResponseSpec response) {
        Map<?, ?> body = response.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) body.get("position")).longValue();
    }

    private static Map<String, Object> item(String code) {
        return Map.of("itemCode", code, "nameEl", "Είδος " + code, "nameEn", "Item " + code,
                "category", "DRY_FOOD", "unit", "KG", "perishable", false);
    }

    private static void createUser(String username, String role) {
        String admin = command1.token("admin", ADMIN_PASSWORD);
        command1.as(admin).post().uri("/api/admin/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "displayName", "Χρήστης " + username, "role", role,
                        "password", passwordOf(username)))
                .exchange().expectStatus().isCreated();
    }

    private static String passwordOf(String username) {
        return "password of " + username;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static String pkcs8Pem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] encoded = generator.generateKeyPair().getPrivate().getEncoded();
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(encoded)
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** One process of the split deployment. */
    record Ledger(ConfigurableApplicationContext context, WebTestClient http) {

        static Ledger start(String name, String roles, Path tokenKey) {
            SolidarityLedgerApplication.disableNetworkLookups();
            ConfigurableApplicationContext context = new SpringApplicationBuilder(SolidarityLedgerApplication.class)
                    .run("--spring.profiles.active=production",
                            "--spring.main.banner-mode=off",
                            "--server.port=0",
                            "--ledger.roles=" + roles,
                            "--ledger.data-dir=" + directory.resolve(name),
                            "--ledger.security.identity=local",
                            "--ledger.security.token-key-file=" + tokenKey,
                            "--ledger.security.admin.password=" + ADMIN_PASSWORD,
                            "--axon.axonserver.component-name=" + name,
                            "--axon.axonserver.servers=" + AXON_SERVER.getHost() + ":" + AXON_SERVER.getMappedPort(8124),
                            "--MONGODB_URI=mongodb://" + MONGO.getHost() + ":" + MONGO.getMappedPort(27017)
                                    + "/ledger-topology");
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            return new Ledger(context, WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                    .responseTimeout(Duration.ofSeconds(60)).build());
        }

        String token(String username, String password) {
            Map<?, ?> answer = http.post().uri("/api/auth/token")
                    .headers(headers -> headers.setBasicAuth(username, password)).exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            return (String) answer.get("access_token");
        }

        WebTestClient as(String token) {
            return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
        }
    }
}
