package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.app.support.EventLog;
import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.RunningLedger;
import gr.solidarity.ledger.messages.identity.Actor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The first start creates the administrator; later starts never change it, whatever they are configured with. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

    private static final Pattern GENERATED = Pattern.compile("with the generated password (\\S+) ");

    @TempDir
    Path dataDirectory;

    @Test
    void theConfiguredPasswordIsTakenOnceAndALaterOneIsIgnored() {
        try (RunningLedger ledger = RunningLedger.start(dataDirectory)) {
            ledger.identities().token(Identities.ADMIN, Identities.ADMIN_PASSWORD);
            List<TrackedEventMessage<?>> created = EventLog.messagesOfType(ledger, "UserAccountCreated");
            assertThat(created).hasSize(1);
            assertThat(created.get(0).getMetaData()).containsEntry(Actor.USER_ID, Actor.SYSTEM_ID);
        }
        // a restart with only the operator's new setting
        try (RunningLedger restarted = RunningLedger.startWithoutAdministratorPassword(dataDirectory,
                "ledger.security.admin.password=a different configured password")) {
            restarted.identities().token(Identities.ADMIN, "the administrator's password");
            restarted.identities().tokenRequest(Identities.ADMIN, "a different configured password").expectStatus().isUnauthorized();
        }
    }

    @Test
    void aGeneratedPasswordIsLoggedExactlyOnceAndWorks(CapturedOutput output) {
        String password;
        try (RunningLedger first = RunningLedger.startWithoutAdministratorPassword(dataDirectory)) {
            Matcher logged = GENERATED.matcher(output.getAll());
            assertThat(logged.find()).as("the generated password is logged").isTrue();
            password = logged.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            first.identities().token(Identities.ADMIN, password);
            first.identities().tokenRequest(Identities.ADMIN, "").expectStatus().isUnauthorized();
        }
        int afterFirstStart = output.getAll().length();
        try (RunningLedger second = RunningLedger.startWithoutAdministratorPassword(dataDirectory)) {
            second.identities().token(Identities.ADMIN, password);
            String secondStart = output.getAll().substring(afterFirstStart);
            assertThat(secondStart).doesNotContain(password).doesNotContain("generated password");
        }
        assertThat(occurrences(output.getAll(), password)).isEqualTo(1);
    }

    static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
