package gr.solidarity.ledger.app.durability;

import gr.solidarity.ledger.app.SolidarityLedgerApplication;
import gr.solidarity.ledger.app.support.Api;
import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default survives a killed process: every command acknowledged before SIGKILL is there after a restart,
 * in the event store and in the read models.
 */
class KilledProcessTest {

    @TempDir
    Path dataDirectory;

    @Test
    void nothingAcknowledgedIsLostWhenTheProcessIsKilled() throws Exception {
        int port = freePort();
        Process ledger = new ProcessBuilder(javaExecutable(), "-Xmx512m",
                "-Daxoniq.update-checker.disabled=true", "-Ddisable-axoniq-console-message=true",
                "-cp", System.getProperty("java.class.path"), SolidarityLedgerApplication.class.getName(),
                "--ledger.data-dir=" + dataDirectory.toAbsolutePath(), "--server.port=" + port,
                "--ledger.security.admin.password=" + Identities.ADMIN_PASSWORD,
                "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(dataDirectory.resolve("ledger.log").toFile())
                .start();
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            awaitUp(client, port);
            String officer = "Bearer " + officerToken(client, port);
            Thread writer = new Thread(() -> writeUntilRefused(client, port, officer, acknowledged));
            writer.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 40);
            ledger.destroyForcibly();   // SIGKILL: no shutdown hooks, no flushing
            ledger.waitFor(30, TimeUnit.SECONDS);
            writer.join(30_000);
        } finally {
            ledger.destroyForcibly();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);

        try (RunningLedger restarted = RunningLedger.start(dataDirectory)) {
            Api api = restarted.api();
            for (String code : acknowledged) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                        .untilAsserted(() -> api.get("/api/catalogue/items/" + code).expectStatus().isOk());
                api.post("/api/catalogue/items/" + code + "/retirement", java.util.Map.of("reason", "έλεγχος"))
                        .expectStatus().isAccepted();
            }
        }
    }

    /** Creates an officer account as the first administrator and signs in as the officer. */
    private static String officerToken(HttpClient client, int port) throws IOException, InterruptedException {
        String account = """
                {"username":"officer","displayName":"Υπάλληλος","role":"OFFICER","password":"%s"}
                """.formatted(Identities.passwordOf("officer"));
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/admin/users"))
                .header("Content-Type", "application/json")
                .header("Authorization", basic(Identities.ADMIN, Identities.ADMIN_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(account)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> token = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/auth/token"))
                .header("Authorization", basic("officer", Identities.passwordOf("officer")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(token.body()).get("access_token").asString();
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void writeUntilRefused(HttpClient client, int port, String authorization, List<String> acknowledged) {
        for (int i = 1; i < 100_000; i++) {
            String code = "KILL-" + i;
            String body = """
                    {"itemCode":"%s","nameEl":"Είδος %d","nameEn":"Item %d","category":"CANNED","unit":"PACK","perishable":false}
                    """.formatted(code, i, i);
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/catalogue/items"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    acknowledged.add(code);
                }
            } catch (IOException | InterruptedException stopped) {
                return;
            }
        }
    }

    private static void awaitUp(HttpClient client, int port) {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/me"))
                        .header("Authorization", basic(Identities.ADMIN, Identities.ADMIN_PASSWORD)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException | InterruptedException notYet) {
                // still starting
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the ledger did not start within 90 s");
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
