package gr.solidarity.ledger.messages.identity;

import java.time.Instant;
import java.util.List;

/** Queries about local user accounts. */
public final class AccountQueries {

    public static final String ACCOUNTS_COLLECTION = "user_accounts";

    private AccountQueries() {
    }

    /** For signing in only, answered from the account itself: it carries the password hash. Never served over HTTP. */
    public record FindUserCredentials(String username) {
    }

    public record UserCredentials(String username, String displayName, Role role, String organisationId,
                                  String passwordHash, boolean enabled) {
        public Actor actor() {
            return new Actor(username, displayName, role, organisationId);
        }

        @Override
        public String toString() {
            return "UserCredentials[username=" + username + ", role=" + role + ", enabled=" + enabled + "]";
        }
    }

    public record FindUserAccount(String username) {
    }

    /** @param afterUsername cursor: the last username of the previous page, or null */
    public record FindUserAccounts(Role role, String organisationId, String afterUsername, int limit) {
    }

    public record UserAccountView(String username, String displayName, Role role, String organisationId,
                                  boolean enabled, Instant createdAt, Instant changedAt) {
    }

    public record UserAccountPage(List<UserAccountView> items, String nextCursor) {
    }
}
