package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.messages.common.Refusal;
import gr.solidarity.ledger.messages.identity.AccountCommands.CreateUserAccount;
import gr.solidarity.ledger.messages.identity.AccountQueries.FindUserCredentials;
import gr.solidarity.ledger.messages.identity.AccountQueries.UserCredentials;
import gr.solidarity.ledger.messages.identity.Role;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * On the first start with local identity there is nobody to sign in as, so the first administrator is created: with
 * the password from {@code ledger.security.admin.password} (LEDGER_ADMIN_PASSWORD) if set, otherwise with a generated
 * one printed once to the log. Later starts find the account and change nothing; its password is changed like any
 * other (PUT /api/admin/users/{username}/password).
 */
@Component
@ConditionalOnExpression("'${ledger.security.identity:local}'.equalsIgnoreCase('local') "
        + "and '${ledger.roles:command,query}'.contains('command')")
class FirstAdministrator {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final String TAKEN = "USERNAME_TAKEN";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final PasswordEncoder passwordEncoder;
    private final SecurityProperties properties;

    FirstAdministrator(CommandGateway commands, QueryGateway queries, PasswordEncoder passwordEncoder, SecurityProperties properties) {
        this.commands = commands;
        this.queries = queries;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIfMissing() {
        String username = properties.admin().username();
        // every later start ends here, without hashing a password or sending a command that can only be refused
        if (queries.query(new FindUserCredentials(username), ResponseTypes.optionalInstanceOf(UserCredentials.class))
                .join().isPresent()) {
            return;
        }
        String configured = properties.admin().password();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generatePassword() : configured;
        CreateUserAccount create = new CreateUserAccount(username, "Διαχειριστής", Role.ADMIN, null,
                passwordEncoder.encode(password));
        try {
            // sent without an actor: the command bus stamps it as the system's, which only this process can do
            commands.sendAndWait(create);
        } catch (CommandExecutionException refused) {
            if (refused.getDetails().filter(details -> details instanceof Refusal refusal
                    && TAKEN.equals(refusal.code())).isPresent()) {
                return;
            }
            throw refused;
        }
        if (generated) {
            LOG.warn("First start: created the administrator account '{}' with the generated password {} "
                    + "(shown only this once; change it after signing in)", username, password);
        } else {
            LOG.info("First start: created the administrator account '{}' with the configured password", username);
        }
    }

    private static String generatePassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
