package gr.solidarity.ledger.messages.identity;

import gr.solidarity.ledger.messages.history.Concerning;
import gr.solidarity.ledger.messages.history.StoredType;

import java.util.List;

/**
 * What happened to local user accounts. Who made each change is in the event's metadata, like every other event.
 * Password hashes are kept so the account store can be rebuilt from history; they never appear in a view.
 */
public final class AccountEvents {

    private AccountEvents() {
    }

    @StoredType(name = "account.UserAccountCreated", revision = 1)
    public record UserAccountCreated(String username, String displayName, Role role, String organisationId,
                                     String passwordHash) implements Concerning {

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.ids(organisationId);
        }
        @Override
        public String toString() {
            return "UserAccountCreated[username=" + username + ", role=" + role + ", organisationId=" + organisationId + "]";
        }
    }

    @StoredType(name = "account.UserRoleAssigned", revision = 1)
    public record UserRoleAssigned(String username, Role role, String organisationId) implements Concerning {

        @Override
        public List<String> concernedOrganisationIds() {
            return Concerning.ids(organisationId);
        }
    }

    @StoredType(name = "account.UserPasswordChanged", revision = 1)
    public record UserPasswordChanged(String username, String passwordHash) implements Concerning {
        @Override
        public String toString() {
            return "UserPasswordChanged[username=" + username + "]";
        }
    }

    @StoredType(name = "account.UserAccountDisabled", revision = 1)
    public record UserAccountDisabled(String username, String reason) implements Concerning {
    }

    @StoredType(name = "account.UserAccountEnabled", revision = 1)
    public record UserAccountEnabled(String username) implements Concerning {
    }
}
