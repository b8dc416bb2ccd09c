package gr.solidarity.ledger.messages.identity;

/**
 * What happened to local user accounts. Who made each change is in the event's metadata, like every other event.
 * Password hashes are kept so the account store can be rebuilt from history; they never appear in a view.
 */
public final class AccountEvents {

    private AccountEvents() {
    }

    public record UserAccountCreated(String username, String displayName, Role role, String organisationId,
                                     String passwordHash) {
        @Override
        public String toString() {
            return "UserAccountCreated[username=" + username + ", role=" + role + ", organisationId=" + organisationId + "]";
        }
    }

    public record UserRoleAssigned(String username, Role role, String organisationId) {
    }

    public record UserPasswordChanged(String username, String passwordHash) {
        @Override
        public String toString() {
            return "UserPasswordChanged[username=" + username + "]";
        }
    }

    public record UserAccountDisabled(String username, String reason) {
    }

    public record UserAccountEnabled(String username) {
    }
}
