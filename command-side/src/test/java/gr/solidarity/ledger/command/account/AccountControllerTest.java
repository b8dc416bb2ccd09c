package gr.solidarity.ledger.command.account;

import gr.solidarity.ledger.command.support.RecordingCommandSender;
import gr.solidarity.ledger.command.web.CommandProblemHandler;
import gr.solidarity.ledger.messages.identity.AccountCommands.AssignUserRole;
import gr.solidarity.ledger.messages.identity.AccountCommands.ChangeUserPassword;
import gr.solidarity.ledger.messages.identity.AccountCommands.CreateUserAccount;
import gr.solidarity.ledger.messages.identity.AccountCommands.DisableUserAccount;
import gr.solidarity.ledger.messages.identity.AccountCommands.EnableUserAccount;
import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;

class AccountControllerTest {

    static final String PASSWORD = "σωστό-άλογο-μπαταρία";

    RecordingCommandSender commands;
    PasswordEncoder encoder;
    WebTestClient client;

    @BeforeEach
    void setUp() {
        commands = new RecordingCommandSender();
        encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        var validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        client = WebTestClient.bindToController(new AccountController(commands.sender, encoder))
                .controllerAdvice(new CommandProblemHandler())
                .validator(validator)
                .webFilter((exchange, chain) -> chain.filter(exchange).contextWrite(context -> context
                        .put(Actor.class, RecordingCommandSender.OFFICER).put(Actor.REQUEST_ID, "request-1")))
                .build();
    }

    @Test
    void createsAnAccountWithAHashedPassword() {
        client.post().uri("/api/admin/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"username": "maria.p", "displayName": "Μαρία Παπαδοπούλου", "role": "DONOR",
                         "organisationId": "0f1c4d2e-5b6a-4c3d-9e8f-1020304050d1", "password": "%s"}
                        """.formatted(PASSWORD))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/admin/users/maria.p")
                .expectBody().jsonPath("$.id").isEqualTo("maria.p");

        assertThat(commands.sent).hasSize(1);
        var command = (CreateUserAccount) commands.sent.get(0);
        assertThat(command.username()).isEqualTo("maria.p");
        assertThat(command.displayName()).isEqualTo("Μαρία Παπαδοπούλου");
        assertThat(command.role()).isEqualTo(Role.DONOR);
        assertThat(command.organisationId()).isEqualTo("0f1c4d2e-5b6a-4c3d-9e8f-1020304050d1");
        assertThat(command.passwordHash()).doesNotContain(PASSWORD);
        assertThat(encoder.matches(PASSWORD, command.passwordHash())).isTrue();
        assertThat(command.toString()).doesNotContain(PASSWORD).doesNotContain(command.passwordHash());
        assertThat(commands.metaData.get(0).values()).noneMatch(value -> String.valueOf(value).contains(PASSWORD));
        assertThat(commands.metaData.get(0)).containsEntry(Actor.USER_ID, RecordingCommandSender.OFFICER.userId());
    }

    @Test
    void refusesAShortOrLongPasswordAndAMalformedUsername() {
        for (String password : new String[]{"short-pass1", "x".repeat(129)}) {
            client.post().uri("/api/admin/users").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("""
                            {"username": "maria.p", "displayName": "Μαρία", "role": "OFFICER", "password": "%s"}
                            """.formatted(password))
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("password")
                    .consumeWith(result -> assertThat(new String(result.getResponseBody())).doesNotContain(password));
        }
        client.post().uri("/api/admin/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"username": "Maria", "displayName": "Μαρία", "role": "OFFICER", "password": "%s"}
                        """.formatted(PASSWORD))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("username");
        client.post().uri("/api/admin/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"username": "maria", "displayName": "Μαρία", "role": "OFFICER"}
                        """)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void acceptsPasswordsFromTwelveCharactersToWhatTheEncoderTakes() {
        for (String password : new String[]{"x".repeat(12), "x".repeat(72)}) {
            client.put().uri("/api/admin/users/maria.p/password").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"password\": \"" + password + "\"}")
                    .exchange()
                    .expectStatus().isAccepted();
        }
        assertThat(commands.sent).hasSize(2);
    }

    /** bcrypt hashes at most 72 bytes: a longer password is refused as input, never cut short silently. */
    @Test
    void refusesAPasswordTheEncoderDoesNotTake() {
        String password = "χ".repeat(40);
        client.put().uri("/api/admin/users/maria.p/password").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"password\": \"" + password + "\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo(AccountController.PASSWORD_NOT_ACCEPTED)
                .jsonPath("$.errors[0].field").isEqualTo("password")
                .consumeWith(result -> assertThat(new String(result.getResponseBody())).doesNotContain(password));
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void changesThePasswordWithAHash() {
        client.put().uri("/api/admin/users/maria.p/password").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"password\": \"" + PASSWORD + "\"}")
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.id").isEqualTo("maria.p");

        var command = (ChangeUserPassword) commands.sent.get(0);
        assertThat(command.username()).isEqualTo("maria.p");
        assertThat(command.passwordHash()).doesNotContain(PASSWORD);
        assertThat(encoder.matches(PASSWORD, command.passwordHash())).isTrue();
        assertThat(command.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void refusesAShortNewPassword() {
        client.put().uri("/api/admin/users/maria.p/password").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"password\": \"too-short\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void assignsARole() {
        client.put().uri("/api/admin/users/maria.p/role").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"role\": \"DIRECTOR\"}")
                .exchange()
                .expectStatus().isAccepted();
        client.put().uri("/api/admin/users/maria.p/role").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("role");

        assertThat(commands.sent).containsExactly(new AssignUserRole("maria.p", Role.DIRECTOR, null));
    }

    @Test
    void disablesWithAReasonAndEnables() {
        client.post().uri("/api/admin/users/maria.p/disabling").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\": \"αποχώρησε\"}")
                .exchange()
                .expectStatus().isAccepted();
        client.post().uri("/api/admin/users/maria.p/disabling").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        client.post().uri("/api/admin/users/maria.p/enabling")
                .exchange()
                .expectStatus().isAccepted();

        assertThat(commands.sent).containsExactly(new DisableUserAccount("maria.p", "αποχώρησε"),
                new EnableUserAccount("maria.p"));
    }

    @Test
    void requestsNeverShowThePassword() {
        assertThat(new AccountController.PasswordRequest(PASSWORD).toString()).doesNotContain(PASSWORD);
        assertThat(new AccountController.NewAccountRequest("maria.p", "Μαρία", Role.OFFICER, null, PASSWORD)
                .toString()).doesNotContain(PASSWORD);
    }
}
