package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.app.history.HistoryFile.Summary;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar solidarity-ledger.jar export --to FILE} and {@code import --from FILE}, against the event store the
 * application would use with the same settings: the embedded store of the data directory ({@code --ledger.data-dir=…},
 * {@code LEDGER_DATA_DIR}, or {@code ./data}), or Axon Server when the production profile is active
 * ({@code --spring.profiles.active=production} or {@code SPRING_PROFILES_ACTIVE}) or {@code axon.axonserver.enabled}
 * is true, at {@code axon.axonserver.servers} ({@code AXONSERVER_SERVERS}, default {@code localhost:8124}) in
 * {@code axon.axonserver.context} (default {@code default}). Export reads the store of either embedded format, or
 * Axon Server's; import needs an empty store, and the application must not be running on it.
 */
public final class HistoryCommand {

    private HistoryCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("export") || args[0].equals("import"));
    }

    /** @return the process's exit status */
    public static int run(String[] args) {
        return run(args, System.getenv());
    }

    static int run(String[] args, Map<String, String> environment) {
        Settings settings = new Settings(args, environment);
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            if ((args[i].equals("--to") || args[i].equals("--from")) && i + 1 < args.length) {
                file = Path.of(args[++i]);
            }
        }
        boolean export = args[0].equals("export");
        String usage = export ? "export --to FILE" : "import --from FILE";
        if (file == null) {
            System.err.println("usage: java -jar solidarity-ledger.jar " + usage + " [--ledger.data-dir=DIR]"
                    + " [--spring.profiles.active=production --axon.axonserver.servers=HOST:PORT]");
            return 2;
        }
        try {
            Summary summary;
            String store;
            if (settings.axonServer()) {
                try (AxonServerHistory.Connection axonServer = new AxonServerHistory.Connection(
                        settings.value("axon.axonserver.servers").orElse("localhost:8124"),
                        settings.value("axon.axonserver.context").orElse("default"),
                        settings.value("axon.axonserver.token").orElse(null))) {
                    summary = export ? axonServer.export(file) : axonServer.importFrom(file);
                    store = "Axon Server " + axonServer.describe();
                }
            } else {
                Path dataDirectory = Path.of(settings.value("ledger.data-dir").orElse("./data"));
                summary = export ? EventStoreFiles.export(dataDirectory, file)
                        : EventStoreFiles.importInto(dataDirectory, file);
                store = "data directory " + dataDirectory.toAbsolutePath();
            }
            System.out.printf(Locale.ROOT, "%s %,d events, SHA-256 %s (%s, %s)%n",
                    export ? "exported" : "imported", summary.events(), summary.sha256(), file, store);
            return 0;
        } catch (RuntimeException e) {
            System.err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The few settings read here, as the application reads them: a {@code --name=value} argument first, then the
     * environment (its relaxed name, such as {@code AXON_AXONSERVER_SERVERS}, or the name the configuration files
     * give it, such as {@code AXONSERVER_SERVERS}).
     */
    record Settings(String[] args, Map<String, String> environment) {

        private static final Map<String, String> FILE_NAMES = Map.of(
                "ledger.data-dir", "LEDGER_DATA_DIR",
                "axon.axonserver.servers", "AXONSERVER_SERVERS");

        Optional<String> value(String name) {
            String prefix = "--" + name + "=";
            Optional<String> argument = Arrays.stream(args).filter(arg -> arg.startsWith(prefix))
                    .reduce((first, second) -> second).map(arg -> arg.substring(prefix.length()));
            if (argument.isPresent()) {
                return argument;
            }
            String relaxed = name.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
            return Optional.ofNullable(environment.get(relaxed))
                    .or(() -> Optional.ofNullable(FILE_NAMES.get(name)).map(environment::get));
        }

        boolean axonServer() {
            Optional<String> enabled = value("axon.axonserver.enabled");
            if (enabled.isPresent()) {
                return Boolean.parseBoolean(enabled.get().trim());
            }
            return value("spring.profiles.active").stream()
                    .flatMap(profiles -> Arrays.stream(profiles.split(",")))
                    .anyMatch(profile -> profile.trim().equals("production"));
        }
    }
}
