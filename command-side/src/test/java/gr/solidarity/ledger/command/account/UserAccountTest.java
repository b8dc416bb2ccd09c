package gr.solidarity.ledger.command.account;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.common.Texts;
import gr.solidarity.ledger.command.organisation.OrganisationLookup;
import gr.solidarity.ledger.messages.common.Refusal;
import gr.solidarity.ledger.messages.common.Refusal.Kind;
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
import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.identity.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Set;

import static gr.solidarity.ledger.command.support.LedgerFixtures.fixtureFor;
import static gr.solidarity.ledger.command.support.Refusals.refusal;
import static gr.solidarity.ledger.command.support.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

class UserAccountTest {

    static final String USER = "maria.p";
    static final String DONOR = "0f1c4d2e-5b6a-4c3d-9e8f-1020304050d1";
    static final String RECIPIENT = "0f1c4d2e-5b6a-4c3d-9e8f-1020304050e1";
    static final String UNKNOWN = "0f1c4d2e-5b6a-4c3d-9e8f-102030405000";
    static final String HASH = "{bcrypt}$2a$10$abcdefghijklmnopqrstuv0123456789abcdefghijklmnopqrstu";
    static final String NEW_HASH = "{bcrypt}$2a$10$zyxwvutsrqponmlkjihgfe0123456789abcdefghijklmnopqrstu";
    static final Map<String, String> OTHER_ADMIN = new Actor("admin-2", "Γιώργος Αδάμ", Role.ADMIN, null).toMetaData();
    static final Map<String, String> HERSELF = new Actor(USER, "Μαρία Π.", Role.ADMIN, null).toMetaData();

    AggregateTestFixture<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureFor(UserAccount.class);
        fixture.registerInjectableResource(new Organisations());
    }

    /** Verified organisations, refused like the repository-backed lookup refuses. */
    static class Organisations implements OrganisationLookup {
        final Set<String> donors = Set.of(DONOR);
        final Set<String> recipients = Set.of(RECIPIENT);

        @Override
        public void requireVerifiedDonor(String field, String organisationId) {
            require(field, organisationId, donors, recipients);
        }

        @Override
        public void requireVerifiedRecipient(String field, String organisationId) {
            require(field, organisationId, recipients, donors);
        }

        private static void require(String field, String id, Set<String> expected, Set<String> other) {
            if (id == null) {
                throw CommandRefusedException.invalid(NOT_FOUND, field, field + " is required");
            }
            if (other.contains(id)) {
                throw CommandRefusedException.ruleViolated(WRONG_KIND, field, "wrong kind");
            }
            if (!expected.contains(id)) {
                throw CommandRefusedException.notFound(NOT_FOUND, field, "no organisation " + id);
            }
        }
    }

    static UserAccountCreated officerCreated() {
        return new UserAccountCreated(USER, "Μαρία Παπαδοπούλου", Role.OFFICER, null, HASH);
    }

    static Matcher<Object> refusalOn(String code, Kind kind, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof Refusal refusal && refusal.code().equals(code) && refusal.kind() == kind
                        && refusal.fields().stream().anyMatch(problem -> problem.field().equals(field));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a ").appendValue(kind).appendText(" refusal ").appendValue(code)
                        .appendText(" on ").appendValue(field);
            }
        };
    }

    // --- creation

    @Test
    void aLocalAccountCannotBeNamedSystem() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount("system", "Σύστημα", Role.ADMIN, null, HASH), OTHER_ADMIN)
                .expectException(refused())
                .expectExceptionDetails(refusalOn(UserAccount.USERNAME_RESERVED, Kind.INVALID, "username"))
                .expectNoEvents();
    }

    @Test
    void createsAStaffAccount() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount(USER, " Μαρία Παπαδοπούλου ", Role.OFFICER, null, HASH), OTHER_ADMIN)
                .expectSuccessfulHandlerExecution()
                .expectEvents(officerCreated());
    }

    @Test
    void createsADonorUserOfADonorCompany() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount("donor-1", "Νίκος", Role.DONOR, DONOR, HASH))
                .expectEvents(new UserAccountCreated("donor-1", "Νίκος", Role.DONOR, DONOR, HASH));
    }

    @Test
    void createsARecipientUserOfARecipientStructure() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount("kouzina_1", "Άννα", Role.RECIPIENT, RECIPIENT, HASH))
                .expectEvents(new UserAccountCreated("kouzina_1", "Άννα", Role.RECIPIENT, RECIPIENT, HASH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Maria", ".maria", "-maria", "maria p", "μαρία", "maria@example.gr",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void refusesAMalformedUsername(String username) {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount(username, "Μαρία", Role.OFFICER, null, HASH))
                .expectException(refused())
                .expectExceptionDetails(refusalOn(UserAccount.INVALID_USERNAME, Kind.INVALID, "username"))
                .expectNoEvents();
    }

    @Test
    void acceptsAUsernameOfSixtyFourCharacters() {
        String username = "a".repeat(64);
        assertThat(username).hasSize(64);
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount(username, "Μαρία", Role.AUDITOR, null, HASH))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesAMissingOrTooLongDisplayName() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount(USER, " ", Role.OFFICER, null, HASH))
                .expectExceptionDetails(refusalOn(Texts.INVALID_TEXT, Kind.INVALID, "displayName"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount(USER, "Μ".repeat(121), Role.OFFICER, null, HASH))
                .expectExceptionDetails(refusalOn(Texts.INVALID_TEXT, Kind.INVALID, "displayName"))
                .expectNoEvents();
    }

    @Test
    void refusesAMissingRole() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount(USER, "Μαρία", null, null, HASH))
                .expectExceptionDetails(refusalOn(UserAccount.ROLE_REQUIRED, Kind.INVALID, "role"))
                .expectNoEvents();
    }

    @Test
    void refusesADonorUserWithoutOrWithAnUnknownOrganisation() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount(USER, "Μαρία", Role.DONOR, null, HASH))
                .expectExceptionDetails(refusalOn(OrganisationLookup.NOT_FOUND, Kind.INVALID, "organisationId"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount(USER, "Μαρία", Role.DONOR, UNKNOWN, HASH))
                .expectExceptionDetails(refusalOn(OrganisationLookup.NOT_FOUND, Kind.NOT_FOUND, "organisationId"))
                .expectNoEvents();
    }

    @Test
    void refusesADonorUserOfARecipientStructureAndARecipientUserOfADonor() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount(USER, "Μαρία", Role.DONOR, RECIPIENT, HASH))
                .expectExceptionDetails(refusal(OrganisationLookup.WRONG_KIND))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount(USER, "Μαρία", Role.RECIPIENT, UNKNOWN, HASH))
                .expectExceptionDetails(refusalOn(OrganisationLookup.NOT_FOUND, Kind.NOT_FOUND, "organisationId"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OFFICER", "DIRECTOR", "AUDITOR", "ADMIN"})
    void refusesStaffWithAnOrganisation(Role role) {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount(USER, "Μαρία", role, DONOR, HASH))
                .expectExceptionDetails(refusalOn(UserAccount.STAFF_WITHOUT_ORGANISATION, Kind.INVALID, "organisationId"))
                .expectNoEvents();
    }

    @Test
    void refusesAMissingPasswordHash() {
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount(USER, "Μαρία", Role.OFFICER, null, " "))
                .expectExceptionDetails(refusalOn(UserAccount.PASSWORD_REQUIRED, Kind.INVALID, "password"))
                .expectNoEvents();
    }

    @Test
    void refusesAUsernameThatIsTaken() {
        fixture.given(officerCreated())
                .when(new CreateUserAccount(USER, "Άλλη Μαρία", Role.AUDITOR, null, NEW_HASH))
                .expectException(refused())
                .expectExceptionDetails(refusal(UserAccount.USERNAME_TAKEN, Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void neitherRefusalsNorMessagesShowTheHash() {
        var command = new CreateUserAccount(USER, "Μαρία", Role.OFFICER, null, HASH);
        assertThat(command.toString()).doesNotContain(HASH);
        assertThat(officerCreated().toString()).doesNotContain(HASH);
        assertThat(new ChangeUserPassword(USER, HASH).toString()).doesNotContain(HASH);
        fixture.given(officerCreated())
                .when(command)
                .expectException(refused())
                .expectExceptionMessage(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(HASH)));
        String tooLong = "x".repeat(UserAccount.MAX_HASH + 1);
        fixture.givenNoPriorActivity()
                .when(new CreateUserAccount(USER, "Μαρία", Role.OFFICER, null, tooLong))
                .expectExceptionMessage(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(tooLong)));
    }

    // --- roles

    @Test
    void assignsAnotherRoleAndOrganisation() {
        fixture.given(officerCreated())
                .when(new AssignUserRole(USER, Role.RECIPIENT, RECIPIENT), OTHER_ADMIN)
                .expectEvents(new UserRoleAssigned(USER, Role.RECIPIENT, RECIPIENT));
    }

    @Test
    void anAssignmentThatChangesNothingRecordsNothing() {
        fixture.given(officerCreated())
                .when(new AssignUserRole(USER, Role.OFFICER, null), OTHER_ADMIN)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAnAssignmentThatBreaksTheRoleRules() {
        fixture.given(officerCreated())
                .when(new AssignUserRole(USER, null, null))
                .expectExceptionDetails(refusalOn(UserAccount.ROLE_REQUIRED, Kind.INVALID, "role"))
                .expectNoEvents();
        fixture.given(officerCreated())
                .when(new AssignUserRole(USER, Role.DIRECTOR, RECIPIENT))
                .expectExceptionDetails(refusalOn(UserAccount.STAFF_WITHOUT_ORGANISATION, Kind.INVALID, "organisationId"))
                .expectNoEvents();
        fixture.given(officerCreated())
                .when(new AssignUserRole(USER, Role.DONOR, UNKNOWN))
                .expectExceptionDetails(refusalOn(OrganisationLookup.NOT_FOUND, Kind.NOT_FOUND, "organisationId"))
                .expectNoEvents();
    }

    @Test
    void anAdministratorCannotTakeAwayTheirOwnAdministration() {
        fixture.given(new UserAccountCreated(USER, "Μαρία", Role.ADMIN, null, HASH))
                .when(new AssignUserRole(USER, Role.OFFICER, null), HERSELF)
                .expectException(refused())
                .expectExceptionDetails(refusal(UserAccount.ADMIN_MUST_NOT_LOCK_THEMSELVES_OUT, Kind.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void anotherAdministratorOrTheSystemMayChangeAnAdministratorsRole() {
        fixture.given(new UserAccountCreated(USER, "Μαρία", Role.ADMIN, null, HASH))
                .when(new AssignUserRole(USER, Role.AUDITOR, null), OTHER_ADMIN)
                .expectEvents(new UserRoleAssigned(USER, Role.AUDITOR, null));
        fixture.given(new UserAccountCreated(USER, "Μαρία", Role.ADMIN, null, HASH))
                .when(new AssignUserRole(USER, Role.AUDITOR, null))
                .expectEvents(new UserRoleAssigned(USER, Role.AUDITOR, null));
    }

    // --- passwords

    @Test
    void changesThePassword() {
        fixture.given(officerCreated())
                .when(new ChangeUserPassword(USER, NEW_HASH), HERSELF)
                .expectEvents(new UserPasswordChanged(USER, NEW_HASH));
    }

    @Test
    void refusesAMissingNewPassword() {
        fixture.given(officerCreated())
                .when(new ChangeUserPassword(USER, null))
                .expectExceptionDetails(refusalOn(UserAccount.PASSWORD_REQUIRED, Kind.INVALID, "password"))
                .expectNoEvents();
    }

    // --- disabling and enabling

    @Test
    void disablesAnAccountWithAReason() {
        fixture.given(officerCreated())
                .when(new DisableUserAccount(USER, " αποχώρησε "), OTHER_ADMIN)
                .expectEvents(new UserAccountDisabled(USER, "αποχώρησε"));
    }

    @Test
    void refusesADisablingWithoutReason() {
        fixture.given(officerCreated())
                .when(new DisableUserAccount(USER, null), OTHER_ADMIN)
                .expectExceptionDetails(refusalOn(Texts.INVALID_TEXT, Kind.INVALID, "reason"))
                .expectNoEvents();
    }

    @Test
    void refusesToDisableTwice() {
        fixture.given(officerCreated(), new UserAccountDisabled(USER, "αποχώρησε"))
                .when(new DisableUserAccount(USER, "ξανά"), OTHER_ADMIN)
                .expectExceptionDetails(refusal(UserAccount.ALREADY_DISABLED, Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void anAdministratorCannotDisableTheirOwnAccount() {
        fixture.given(new UserAccountCreated(USER, "Μαρία", Role.ADMIN, null, HASH))
                .when(new DisableUserAccount(USER, "δοκιμή"), HERSELF)
                .expectException(refused())
                .expectExceptionDetails(refusal(UserAccount.ADMIN_MUST_NOT_LOCK_THEMSELVES_OUT, Kind.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void enablesADisabledAccount() {
        fixture.given(officerCreated(), new UserAccountDisabled(USER, "αποχώρησε"))
                .when(new EnableUserAccount(USER), OTHER_ADMIN)
                .expectEvents(new UserAccountEnabled(USER));
    }

    @Test
    void refusesToEnableAnEnabledAccount() {
        fixture.given(officerCreated(), new UserAccountDisabled(USER, "αποχώρησε"), new UserAccountEnabled(USER))
                .when(new EnableUserAccount(USER), OTHER_ADMIN)
                .expectExceptionDetails(refusal(UserAccount.ALREADY_ENABLED, Kind.CONFLICT))
                .expectNoEvents();
    }
}
