package gr.solidarity.ledger.app.support;

import gr.solidarity.ledger.app.SolidarityLedgerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole application on the embedded default, on a data directory the test chooses, reachable over HTTP on a random
 * port. Closing and starting again on the same directory is a restart.
 */
public final class RunningLedger implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final WebTestClient http;
    private final Identities identities;

    private RunningLedger(ConfigurableApplicationContext context) {
        this.context = context;
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        this.http = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
        this.identities = new Identities(http);
    }

    public static RunningLedger start(Path dataDirectory, String... properties) {
        List<String> withAdministrator = new ArrayList<>(List.of(
                "ledger.security.admin.password=" + Identities.ADMIN_PASSWORD));
        withAdministrator.addAll(List.of(properties));
        return startWithoutAdministratorPassword(dataDirectory, withAdministrator.toArray(String[]::new));
    }

    /** As {@link #start}, with the clock the application reads "now" from (its {@code Clock} bean) given by the test. */
    public static RunningLedger startWithClock(Path dataDirectory, Clock clock, String... properties) {
        List<String> withAdministrator = new ArrayList<>(List.of(
                "ledger.security.admin.password=" + Identities.ADMIN_PASSWORD));
        withAdministrator.addAll(List.of(properties));
        return start(dataDirectory, clock, withAdministrator.toArray(String[]::new));
    }

    /** As an operator would start it: only the given properties, so a first start generates the admin password. */
    public static RunningLedger startWithoutAdministratorPassword(Path dataDirectory, String... properties) {
        return start(dataDirectory, null, properties);
    }

    private static RunningLedger start(Path dataDirectory, Clock clock, String... properties) {
        SolidarityLedgerApplication.disableNetworkLookups();
        // Passed as command-line arguments: they must win over application.yml, as an operator's would.
        List<String> arguments = new ArrayList<>(List.of(
                "--ledger.data-dir=" + dataDirectory.toAbsolutePath(),
                "--server.port=0",
                "--spring.main.banner-mode=off",
                // Many ledgers start one after another in one test JVM, and now and then a view of a fresh one takes
                // longer than the 5 s a read-your-writes query waits by default; a test asks what a view shows, so it
                // waits longer rather than fail on the time a view took. A test of the wait itself sets its own.
                "--ledger.read-your-writes.default-wait=20s"));
        for (String property : properties) {
            arguments.add("--" + property);
        }
        SpringApplicationBuilder application = new SpringApplicationBuilder(SolidarityLedgerApplication.class);
        if (clock != null) {
            application.initializers(context -> ((GenericApplicationContext) context).registerBean("testClock",
                    Clock.class, () -> clock, definition -> definition.setPrimary(true)));
        }
        ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new));
        return new RunningLedger(context);
    }

    /** Not signed in. */
    public WebTestClient http() {
        return http;
    }

    /** Calls made by whoever's job they are; see {@link Api}. */
    public Api api() {
        return new Api(identities);
    }

    public Identities identities() {
        return identities;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
