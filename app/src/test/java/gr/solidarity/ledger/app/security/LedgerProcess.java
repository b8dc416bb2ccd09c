package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.app.SolidarityLedgerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole application started as an operator would, with only the properties given: unlike the shared test support
 * it configures no administrator password, so the first start's generated one can be observed.
 */
final class LedgerProcess implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final WebTestClient http;

    private LedgerProcess(ConfigurableApplicationContext context) {
        this.context = context;
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        this.http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    static LedgerProcess start(Path dataDirectory, String... properties) {
        SolidarityLedgerApplication.disableNetworkLookups();
        List<String> arguments = new ArrayList<>(List.of(
                "--ledger.data-dir=" + dataDirectory.toAbsolutePath(),
                "--server.port=0",
                "--spring.main.banner-mode=off"));
        for (String property : properties) {
            arguments.add("--" + property);
        }
        return new LedgerProcess(new SpringApplicationBuilder(SolidarityLedgerApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    WebTestClient http() {
        return http;
    }

    WebTestClient.ResponseSpec tokenRequest(String username, String password) {
        return http.post().uri("/api/auth/token").headers(headers -> headers.setBasicAuth(username, password)).exchange();
    }

    String token(String username, String password) {
        Map<?, ?> answer = tokenRequest(username, password).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) answer.get("access_token");
    }

    WebTestClient withToken(String token) {
        return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    @Override
    public void close() {
        context.close();
    }
}
