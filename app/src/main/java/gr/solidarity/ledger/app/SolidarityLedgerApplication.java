package gr.solidarity.ledger.app;

import gr.solidarity.ledger.app.history.HistoryCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one runnable application. Which parts run is chosen by {@code ledger.roles} (command, query, or both; both by
 * default), so the command side and the query side can be separate processes of the same jar. {@code export} and
 * {@code import} as first argument copy the whole history to or from a file instead ({@link HistoryCommand}).
 */
@SpringBootApplication
public class SolidarityLedgerApplication {

    public static void main(String[] args) {
        if (HistoryCommand.handles(args)) {
            System.exit(HistoryCommand.run(args));
        }
        disableNetworkLookups();
        SpringApplication.run(SolidarityLedgerApplication.class, args);
    }

    /** Axon looks for updates and advertises its console over the network at start-up; the directorate's is closed. */
    public static void disableNetworkLookups() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }
}
