package gr.solidarity.ledger.command.account;

import gr.solidarity.ledger.command.common.CommandRefusedException;
import gr.solidarity.ledger.command.web.CommandSender;
import gr.solidarity.ledger.command.web.CommandSender.Accepted;
import gr.solidarity.ledger.command.web.CommandSender.Created;
import gr.solidarity.ledger.command.web.CommonRequests.ReasonRequest;
import gr.solidarity.ledger.messages.identity.AccountCommands.AssignUserRole;
import gr.solidarity.ledger.messages.identity.AccountCommands.ChangeUserPassword;
import gr.solidarity.ledger.messages.identity.AccountCommands.CreateUserAccount;
import gr.solidarity.ledger.messages.identity.AccountCommands.DisableUserAccount;
import gr.solidarity.ledger.messages.identity.AccountCommands.EnableUserAccount;
import gr.solidarity.ledger.messages.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Local user accounts. Passwords are hashed here, before any command exists, so a plain password never reaches a
 * message, the event store or a log.
 */
@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "User accounts", description = "Local user accounts and their roles (λογαριασμοί χρηστών)")
class AccountController {

    static final String PASSWORD_NOT_ACCEPTED = "PASSWORD_NOT_ACCEPTED";
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 128;

    private final CommandSender commands;
    private final PasswordEncoder passwordEncoder;

    AccountController(CommandSender commands, PasswordEncoder passwordEncoder) {
        this.commands = commands;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * The username is chosen by the client, yet it cannot serve as an idempotency key: every attempt hashes the
     * password with a new salt, so a retry is a different command to the idempotency check and would be answered
     * "key reused". A second attempt is answered USERNAME_TAKEN instead, and has no effect either way.
     */
    @PostMapping
    @Operation(summary = "Create a user account (νέος λογαριασμός χρήστη); the username is its identity")
    Mono<ResponseEntity<Created>> create(@Valid @RequestBody NewAccountRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return hash(request.password())
                .map(hash -> new CreateUserAccount(request.username(), request.displayName(), request.role(),
                        request.organisationId(), hash))
                .flatMap(command -> commands.create(command, idempotencyKey, false,
                        username -> "/api/admin/users/" + username));
    }

    @PutMapping("/{username}/role")
    @Operation(summary = "Assign a role, and for donor and recipient users their organisation (ανάθεση ρόλου)")
    Mono<ResponseEntity<Accepted>> assignRole(@PathVariable String username, @Valid @RequestBody RoleRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new AssignUserRole(username, request.role(), request.organisationId()), idempotencyKey);
    }

    @PutMapping("/{username}/password")
    @Operation(summary = "Set a new password (αλλαγή κωδικού)")
    Mono<ResponseEntity<Accepted>> changePassword(@PathVariable String username,
            @Valid @RequestBody PasswordRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return hash(request.password())
                .flatMap(hash -> commands.accept(new ChangeUserPassword(username, hash), idempotencyKey));
    }

    @PostMapping("/{username}/disabling")
    @Operation(summary = "Disable an account (απενεργοποίηση): its user can no longer sign in; its history stays")
    Mono<ResponseEntity<Accepted>> disable(@PathVariable String username, @Valid @RequestBody ReasonRequest request,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new DisableUserAccount(username, request.reason()), idempotencyKey);
    }

    @PostMapping("/{username}/enabling")
    @Operation(summary = "Enable a disabled account again (επανενεργοποίηση)")
    Mono<ResponseEntity<Accepted>> enable(@PathVariable String username,
            @RequestHeader(name = CommandSender.IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey) {
        return commands.accept(new EnableUserAccount(username), idempotencyKey);
    }

    /**
     * A strong hash takes about a tenth of a second of CPU: never on an event-loop thread. An encoder may accept less
     * than {@link #MAX_PASSWORD} characters (bcrypt takes at most 72 bytes, 36 Greek letters); what it refuses is a
     * refused input, not a server error.
     */
    private Mono<String> hash(String password) {
        return Mono.fromCallable(() -> passwordEncoder.encode(password))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(IllegalArgumentException.class, refused -> CommandRefusedException.invalid(
                        PASSWORD_NOT_ACCEPTED, "password",
                        "the password is too long for the password hash; use fewer or plainer characters"));
    }

    record NewAccountRequest(@NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{2,63}$",
                                     message = "must be 3 to 64 lower-case letters, digits, dots, dashes or underscores")
                             String username,
                             @NotBlank @Size(max = 120) String displayName,
                             @NotNull Role role,
                             @Size(max = 100) String organisationId,
                             @NotNull @Size(min = MIN_PASSWORD, max = MAX_PASSWORD) String password) {
        @Override
        public String toString() {
            return "NewAccountRequest[username=" + username + ", role=" + role + ", organisationId=" + organisationId + "]";
        }
    }

    record RoleRequest(@NotNull Role role, @Size(max = 100) String organisationId) {
    }

    record PasswordRequest(@NotNull @Size(min = MIN_PASSWORD, max = MAX_PASSWORD) String password) {
        @Override
        public String toString() {
            return "PasswordRequest[]";
        }
    }
}
