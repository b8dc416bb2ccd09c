package gr.solidarity.ledger.messages.common;

/**
 * Every command names the aggregate instance it is addressed to. The command side routes by this method instead of
 * framework annotations so that this module stays free of dependencies.
 */
public interface LedgerCommand {

    /** Identifier of the aggregate instance that handles the command (for creating commands: the new one). */
    String targetId();
}
