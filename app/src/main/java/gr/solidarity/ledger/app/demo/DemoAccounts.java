package gr.solidarity.ledger.app.demo;

import gr.solidarity.ledger.messages.identity.AccountCommands.CreateUserAccount;
import gr.solidarity.ledger.messages.identity.Role;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

/**
 * One account per role for the demonstration, so that a new user can sign in as each kind of person and carry an
 * allocation from a need to its dispatch with a browser. The passwords are published in README.md: they are for the
 * demonstration only, which never runs on a store holding real data.
 */
final class DemoAccounts {

    record Account(String username, String displayName, Role role, String organisationId, String password) {
    }

    static final List<Account> ACCOUNTS = List.of(
            new Account("demo-officer", "Ελένη Οικονόμου", Role.OFFICER, null, "demo-officer-2026"),
            new Account("demo-director", "Νικόλαος Παππάς", Role.DIRECTOR, null, "demo-director-2026"),
            new Account("demo-director2", "Μαρία Γεωργίου", Role.DIRECTOR, null, "demo-director2-2026"),
            new Account("demo-donor", "Κώστας Ζήκος", Role.DONOR, DemoOrganisations.PINDOS_PASTA.id(), "demo-donor-2026"),
            new Account("demo-recipient", "π. Γεώργιος Μπέλλος", Role.RECIPIENT, DemoOrganisations.AGIOS_NIKOLAOS.id(),
                    "demo-recipient-2026"),
            new Account("demo-auditor", "Αθηνά Δήμου", Role.AUDITOR, null, "demo-auditor-2026"));

    private DemoAccounts() {
    }

    static void create(DemoCommands commands, PasswordEncoder passwords) {
        for (Account account : ACCOUNTS) {
            commands.send(new CreateUserAccount(account.username(), account.displayName(), account.role(),
                    account.organisationId(), passwords.encode(account.password())));
        }
    }
}
