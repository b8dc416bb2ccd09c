package gr.solidarity.ledger.messages.identity;

import gr.solidarity.ledger.messages.common.LedgerCommand;

/**
 * Commands about local user accounts (the embedded default's own identity store). The username is the account's
 * identity and never changes. Passwords arrive already hashed: a plain password never enters a message.
 */
public final class AccountCommands {

    private AccountCommands() {
    }

    /** @param organisationId required for donor and recipient users, absent for everyone else */
    public record CreateUserAccount(String username, String displayName, Role role, String organisationId,
                                    String passwordHash) implements LedgerCommand {
        @Override public String targetId() { return username; }

        @Override
        public String toString() {
            return "CreateUserAccount[username=" + username + ", role=" + role + ", organisationId=" + organisationId + "]";
        }
    }

    public record AssignUserRole(String username, Role role, String organisationId) implements LedgerCommand {
        @Override public String targetId() { return username; }
    }

    public record ChangeUserPassword(String username, String passwordHash) implements LedgerCommand {
        @Override public String targetId() { return username; }

        @Override
        public String toString() {
            return "ChangeUserPassword[username=" + username + "]";
        }
    }

    public record DisableUserAccount(String username, String reason) implements LedgerCommand {
        @Override public String targetId() { return username; }
    }

    public record EnableUserAccount(String username) implements LedgerCommand {
        @Override public String targetId() { return username; }
    }
}
