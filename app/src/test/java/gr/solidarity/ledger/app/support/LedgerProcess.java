package gr.solidarity.ledger.app.support;

import gr.solidarity.ledger.app.SolidarityLedgerApplication;
import tools.jackson.databind.json.JsonMapper;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application in a process of its own on a data directory, so that a test can kill it with SIGKILL (no shutdown
 * hooks, no flushing) and start it again on what it left behind.
 */
public final class LedgerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LedgerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static LedgerProcess start(Path dataDirectory, String... properties) throws IOException {
        return start(dataDirectory, List.of("-Xmx512m"), properties);
    }

    /** Started with the given options of the Java virtual machine (the jar's memory settings, say). */
    public static LedgerProcess start(Path dataDirectory, List<String> jvmOptions, String... properties)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-Daxoniq.update-checker.disabled=true", "-Ddisable-axoniq-console-message=true",
                "-cp", System.getProperty("java.class.path"), SolidarityLedgerApplication.class.getName(),
                "--ledger.data-dir=" + dataDirectory.toAbsolutePath(), "--server.port=" + port,
                "--ledger.security.admin.password=" + Identities.ADMIN_PASSWORD,
                "--logging.level.root=WARN"));
        for (String property : properties) {
            command.add("--" + property);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDirectory.resolve("ledger.log").toFile()));
        // as README's run command sets it
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        Process process = builder.start();
        LedgerProcess ledger = new LedgerProcess(process, port);
        ledger.awaitUp();
        return ledger;
    }

    /** SIGKILL, and wait until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public HttpClient client() {
        return client;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A bearer token for an existing local account. */
    public String bearer(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> token = client.send(HttpRequest.newBuilder(uri("/api/auth/token"))
                .header("Authorization", basic(username, password))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new AssertionError("no token for " + username + ": " + token.statusCode() + " " + token.body());
        }
        return "Bearer " + JsonMapper.builder().build().readTree(token.body()).get("access_token").asString();
    }

    /** POSTs JSON; an {@link IOException} means the process is gone. */
    public HttpResponse<String> post(String path, String authorization, String json)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void awaitUp() {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri("/api/me"))
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
        process.destroyForcibly();
        throw new AssertionError("the ledger did not start within 90 s; see its ledger.log");
    }

    @Override
    public void close() {
        process.destroyForcibly();
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
