package gr.solidarity.ledger.command.account;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.Texts;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import gr.solidarity.ledger.messages.identity.AccountCommands.AssignUserRole;
import gr.solidarity.ledger.messages.identity.AccountCommands.ChangeUserPassword;
import gr.solidarity.ledger.messages.identity.AccountCommands.CreateUserAccount;
import gr.solidarity.ledger.messages.identity.AccountCommands.DisableUserAccount;
import gr.solidarity.ledger.messages.identity.AccountCommands.EnableUserAccount;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserAccountCreated;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserAccountDisabled;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserAccountEnabled;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserPasswordChanged;
import gr.solidarity.ledger.messages.identity.AccountEvents.UserRoleAssigned;
import gr.solidarity.ledger.messages.identity.AccountQueries.UserCredentials;
import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.identity.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A local user account, named by its username for good. Its role and organisation decide what its user may do; the
 * password hash is kept only so that the account store can be rebuilt from history.
 */
@Aggregate
public class UserAccount {

    static final String INVALID_USERNAME = "INVALID_USERNAME";
    static final String USERNAME_TAKEN = "USERNAME_TAKEN";
    static final String USERNAME_RESERVED = "USERNAME_RESERVED";
    static final String ROLE_REQUIRED = "ROLE_REQUIRED";
    static final String STAFF_WITHOUT_ORGANISATION = "STAFF_MUST_NOT_BELONG_TO_ORGANISATION";
    static final String PASSWORD_REQUIRED = "PASSWORD_REQUIRED";
    static final String ALREADY_DISABLED = "ACCOUNT_ALREADY_DISABLED";
    static final String ALREADY_ENABLED = "ACCOUNT_ALREADY_ENABLED";
    static final String ADMIN_MUST_NOT_LOCK_THEMSELVES_OUT = "ADMIN_MUST_NOT_LOCK_THEMSELVES_OUT";

    static final int MAX_DISPLAY_NAME = 120;
    static final int MAX_HASH = 500;

    /**
     * Rule UsernameFormat: lower-case letters, digits, dots, dashes and underscores, starting with a letter or digit,
     * so that a username reads the same in every log and never needs escaping.
     */
    static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{2,63}$");

    @AggregateIdentifier
    private String username;
    private String displayName;
    private Role role;
    private String organisationId;
    private String passwordHash;
    private boolean disabled;

    protected UserAccount() {
        // for event sourcing, and for a creating command addressed to a username not yet taken
    }

    /**
     * Loaded when the username exists, so that taking it again is refused by name rather than by the event store's
     * key on (aggregate, sequence).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(CreateUserAccount command, OrganisationLookup organisationLookup) {
        // Rule UsernameMustBeUnique
        if (username != null) {
            throw CommandRefusedException.conflict(USERNAME_TAKEN, "the username " + username + " is already taken");
        }
        String name = requireUsername(command.username());
        String displayName = Texts.require("displayName", command.displayName(), MAX_DISPLAY_NAME);
        requireRoleAndOrganisation(command.role(), command.organisationId(), organisationLookup);
        String hash = requirePasswordHash(command.passwordHash());
        apply(new UserAccountCreated(name, displayName, command.role(), command.organisationId(), hash));
        return name;
    }

    @CommandHandler
    public void handle(AssignUserRole command, OrganisationLookup organisationLookup, MetaData metaData) {
        requireRoleAndOrganisation(command.role(), command.organisationId(), organisationLookup);
        if (command.role() != Role.ADMIN) {
            requireNotSelf(metaData, "an administrator cannot give their own account another role than ADMIN");
        }
        // A reassignment that changes nothing would only add noise to the account's history.
        if (command.role() == role && Objects.equals(command.organisationId(), organisationId)) {
            return;
        }
        apply(new UserRoleAssigned(username, command.role(), command.organisationId()));
    }

    @CommandHandler
    public void handle(ChangeUserPassword command) {
        apply(new UserPasswordChanged(username, requirePasswordHash(command.passwordHash())));
    }

    @CommandHandler
    public void handle(DisableUserAccount command, MetaData metaData) {
        requireNotSelf(metaData, "an administrator cannot disable their own account");
        if (disabled) {
            throw CommandRefusedException.conflict(ALREADY_DISABLED, "the account " + username + " is already disabled");
        }
        apply(new UserAccountDisabled(username, Texts.require("reason", command.reason(), 1000)));
    }

    @CommandHandler
    public void handle(EnableUserAccount command) {
        if (!disabled) {
            throw CommandRefusedException.conflict(ALREADY_ENABLED, "the account " + username + " is already enabled");
        }
        apply(new UserAccountEnabled(username));
    }

    private static String requireUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw CommandRefusedException.invalid(INVALID_USERNAME, "username",
                    "a username is 3 to 64 lower-case letters, digits, dots, dashes or underscores, "
                            + "starting with a letter or digit");
        }
        if (Actor.isReservedUserId(username)) {
            throw CommandRefusedException.invalid(USERNAME_RESERVED, "username",
                    "the username " + username + " is reserved for the ledger itself");
        }
        return username;
    }

    /**
     * Rule RoleMatchesOrganisation: donor users belong to a verified donor company, recipient users to a verified
     * recipient structure, and directorate staff to no organisation.
     */
    private static void requireRoleAndOrganisation(Role role, String organisationId,
                                                   OrganisationLookup organisationLookup) {
        if (role == null) {
            throw CommandRefusedException.invalid(ROLE_REQUIRED, "role", "a role is required");
        }
        switch (role) {
            case DONOR -> organisationLookup.requireVerifiedDonor("organisationId", organisationId);
            case RECIPIENT -> organisationLookup.requireVerifiedRecipient("organisationId", organisationId);
            default -> {
                if (organisationId != null) {
                    throw CommandRefusedException.invalid(STAFF_WITHOUT_ORGANISATION, "organisationId",
                            "a " + role + " works for the directorate and belongs to no organisation");
                }
            }
        }
    }

    /** The hash itself never goes into a message: a refusal is read by people and logs. */
    private static String requirePasswordHash(String hash) {
        if (hash == null || hash.isBlank() || hash.length() > MAX_HASH) {
            throw CommandRefusedException.invalid(PASSWORD_REQUIRED, "password", "a password is required");
        }
        return hash;
    }

    /**
     * Rule AdminMustNotLockThemselvesOut: whoever manages accounts keeps the means to do so, so that the network is
     * never left without an administrator by a slip.
     */
    private void requireNotSelf(MetaData metaData, String message) {
        Actor actor = Actor.fromMetaData(metaData);
        if (!actor.isSystem() && actor.userId().equals(username)) {
            throw CommandRefusedException.forbidden(ADMIN_MUST_NOT_LOCK_THEMSELVES_OUT, message);
        }
    }

    /** What signing in needs to know, read from the account itself so it is never behind or being rebuilt. */
    UserCredentials credentials() {
        return new UserCredentials(username, displayName, role, organisationId, passwordHash, !disabled);
    }

    @EventSourcingHandler
    void on(UserAccountCreated event) {
        username = event.username();
        displayName = event.displayName();
        role = event.role();
        organisationId = event.organisationId();
        passwordHash = event.passwordHash();
    }

    @EventSourcingHandler
    void on(UserPasswordChanged event) {
        passwordHash = event.passwordHash();
    }

    @EventSourcingHandler
    void on(UserRoleAssigned event) {
        role = event.role();
        organisationId = event.organisationId();
    }

    @EventSourcingHandler
    void on(UserAccountDisabled event) {
        disabled = true;
    }

    @EventSourcingHandler
    void on(UserAccountEnabled event) {
        disabled = false;
    }
}
