package gr.solidarity.ledger.app.history;

import gr.solidarity.ledger.app.history.HistoryFile.Summary;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code java -jar solidarity-ledger.jar export --to FILE} and {@code import --from FILE}, with the data directory
 * chosen as for the application ({@code --ledger.data-dir=…}, {@code LEDGER_DATA_DIR}, or {@code ./data}). Export reads
 * the store of either embedded format; import needs an empty store, and the application must not be running on it.
 */
public final class HistoryCommand {

    private HistoryCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("export") || args[0].equals("import"));
    }

    /** @return the process's exit status */
    public static int run(String[] args) {
        Path dataDirectory = Path.of(System.getenv().getOrDefault("LEDGER_DATA_DIR", "./data"));
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--ledger.data-dir=")) {
                dataDirectory = Path.of(args[i].substring("--ledger.data-dir=".length()));
            } else if ((args[i].equals("--to") || args[i].equals("--from")) && i + 1 < args.length) {
                file = Path.of(args[++i]);
            }
        }
        String usage = args[0].equals("export") ? "export --to FILE" : "import --from FILE";
        if (file == null) {
            System.err.println("usage: java -jar solidarity-ledger.jar " + usage + " [--ledger.data-dir=DIR]");
            return 2;
        }
        try {
            Summary summary = args[0].equals("export")
                    ? EventStoreFiles.export(dataDirectory, file)
                    : EventStoreFiles.importInto(dataDirectory, file);
            System.out.printf(Locale.ROOT, "%s %,d events, SHA-256 %s (%s, data directory %s)%n",
                    args[0].equals("export") ? "exported" : "imported", summary.events(), summary.sha256(), file,
                    dataDirectory.toAbsolutePath());
            return 0;
        } catch (RuntimeException e) {
            System.err.println(args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }
}
