package gr.solidarity.ledger.ui.admin;

import gr.solidarity.ledger.gateway.SignedInCommands;
import gr.solidarity.ledger.messages.common.LedgerCommand;
import gr.solidarity.ledger.messages.identity.AccountCommands.AssignUserRole;
import gr.solidarity.ledger.messages.identity.AccountCommands.ChangeUserPassword;
import gr.solidarity.ledger.messages.identity.AccountCommands.CreateUserAccount;
import gr.solidarity.ledger.messages.identity.AccountCommands.DisableUserAccount;
import gr.solidarity.ledger.messages.identity.AccountCommands.EnableUserAccount;
import gr.solidarity.ledger.messages.identity.AccountQueries.FindUserAccount;
import gr.solidarity.ledger.messages.identity.AccountQueries.FindUserAccounts;
import gr.solidarity.ledger.messages.identity.AccountQueries.UserAccountPage;
import gr.solidarity.ledger.messages.identity.AccountQueries.UserAccountView;
import gr.solidarity.ledger.messages.identity.Role;
import gr.solidarity.ledger.ui.shell.FormErrors;
import gr.solidarity.ledger.ui.shell.Views;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import static gr.solidarity.ledger.ui.shell.Forms.blankToNull;

/**
 * The administrator's user accounts: the list, creating one with its role and organisation, changing the role,
 * disabling and enabling, setting a new password. Passwords are hashed here, as the JSON API does, so a plain password
 * never enters a command; with an identity provider there are no local accounts and no password encoder.
 */
@Controller
public class AccountsController {

    /** The same bounds the JSON API gives a password. */
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 128;
    private static final List<String> CREATE_FIELDS = List.of("username", "displayName", "role", "organisationId",
            "password");

    private final Views views;
    private final SignedInCommands commands;
    private final MessageSource messages;
    private final ObjectProvider<PasswordEncoder> passwordEncoder;

    public AccountsController(Views views, SignedInCommands commands, MessageSource messages,
                              ObjectProvider<PasswordEncoder> passwordEncoder) {
        this.views = views;
        this.commands = commands;
        this.messages = messages;
        this.passwordEncoder = passwordEncoder;
    }

    @GetMapping("/admin/users")
    Mono<Rendering> accounts(@RequestParam(required = false) String done) {
        return list(Map.of(), FormErrors.none(), done);
    }

    @PostMapping("/admin/users")
    Mono<Rendering> create(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return exchange.getFormData().flatMap(form -> {
            Map<String, String> typed = form.toSingleValueMap();
            String username = blankToNull(form.getFirst("username"));
            Role role = role(form.getFirst("role"));
            return hashed(form.getFirst("password"), locale)
                    .flatMap(hash -> commands.send(new CreateUserAccount(username,
                            blankToNull(form.getFirst("displayName")), role,
                            blankToNull(form.getFirst("organisationId")), hash)))
                    .then(Mono.defer(() -> views.once(new FindUserAccount(username), UserAccountView.class,
                            account -> true)))
                    .then(Mono.fromSupplier(() -> Rendering.redirectTo("/admin/users/" + username + "?done=created")
                            .build()))
                    .onErrorResume(error -> list(typed, errors(error, locale), null));
        });
    }

    @GetMapping("/admin/users/{username}")
    Mono<Rendering> account(@PathVariable String username, @RequestParam(required = false) String done) {
        return page(username, done, FormErrors.none());
    }

    @PostMapping("/admin/users/{username}/role")
    Mono<Rendering> role(@PathVariable String username, ServerWebExchange exchange) {
        return change(username, exchange, form -> new AssignUserRole(username, role(form.getFirst("role")),
                        blankToNull(form.getFirst("organisationId"))),
                form -> account -> account.role() == role(form.getFirst("role")), "role");
    }

    @PostMapping("/admin/users/{username}/disabling")
    Mono<Rendering> disable(@PathVariable String username, ServerWebExchange exchange) {
        return change(username, exchange, form -> new DisableUserAccount(username, blankToNull(form.getFirst("reason"))),
                form -> account -> !account.enabled(), "disabled");
    }

    @PostMapping("/admin/users/{username}/enabling")
    Mono<Rendering> enable(@PathVariable String username, ServerWebExchange exchange) {
        return change(username, exchange, form -> new EnableUserAccount(username),
                form -> UserAccountView::enabled, "enabled");
    }

    @PostMapping("/admin/users/{username}/password")
    Mono<Rendering> password(@PathVariable String username, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return account(username).zipWith(exchange.getFormData()).flatMap(found -> hashed(
                        found.getT2().getFirst("password"), locale)
                .flatMap(hash -> commands.send(new ChangeUserPassword(username, hash)))
                .then(views.once(new FindUserAccount(username), UserAccountView.class,
                        account -> account.changedAt() != null && !account.changedAt().equals(found.getT1().changedAt())))
                .then(Mono.fromSupplier(() -> Rendering.redirectTo("/admin/users/" + username + "?done=password")
                        .build()))
                .onErrorResume(error -> page(username, null, errors(error, locale))));
    }

    private Mono<Rendering> change(String username, ServerWebExchange exchange,
                                   Function<MultiValueMap<String, String>, LedgerCommand> command,
                                   Function<MultiValueMap<String, String>, Predicate<UserAccountView>> done,
                                   String outcome) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return account(username).then(exchange.getFormData()).flatMap(form -> commands.send(command.apply(form))
                .then(views.once(new FindUserAccount(username), UserAccountView.class, done.apply(form)))
                .then(Mono.fromSupplier(() -> Rendering.redirectTo("/admin/users/" + username + "?done=" + outcome)
                        .build()))
                .onErrorResume(error -> page(username, null, FormErrors.of(error, messages, locale))));
    }

    private Mono<Rendering> list(Map<String, String> typed, FormErrors errors, String done) {
        return views.one(new FindUserAccounts(null, null, null, 200), UserAccountPage.class)
                .map(page -> Rendering.view("admin/users")
                        .modelAttribute("accounts", page.items())
                        .modelAttribute("roles", Role.values())
                        .modelAttribute("typed", typed)
                        .modelAttribute("errors", errors)
                        .modelAttribute("otherErrors", errors.generalAndUnshown(CREATE_FIELDS))
                        .modelAttribute("done", done == null ? "" : done)
                        .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                        .build());
    }

    private Mono<Rendering> page(String username, String done, FormErrors errors) {
        return account(username).map(account -> Rendering.view("admin/user")
                .modelAttribute("account", account)
                .modelAttribute("roles", Role.values())
                .modelAttribute("errors", errors)
                .modelAttribute("otherErrors", errors.generalAndUnshown(List.of("role", "organisationId", "password", "reason")))
                .modelAttribute("done", done == null ? "" : done)
                .status(errors.any() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .build());
    }

    private Mono<UserAccountView> account(String username) {
        return views.optional(new FindUserAccount(username), UserAccountView.class)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    /** Hashing takes a noticeable moment on purpose, so it is kept off the event loop. */
    private Mono<String> hashed(String password, Locale locale) {
        PasswordEncoder encoder = passwordEncoder.getIfAvailable();
        if (encoder == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            return Mono.error(new PasswordNotAccepted());
        }
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    private FormErrors errors(Throwable error, Locale locale) {
        if (error instanceof PasswordNotAccepted) {
            return FormErrors.none().field("password",
                    messages.getMessage("refusal.PASSWORD_NOT_ACCEPTED", null, locale));
        }
        return FormErrors.of(error, messages, locale);
    }

    private static Role role(String typed) {
        for (Role role : Role.values()) {
            if (role.name().equals(typed)) {
                return role;
            }
        }
        return null;
    }

    private static final class PasswordNotAccepted extends RuntimeException {
        PasswordNotAccepted() {
            super("password not accepted", null, false, false);
        }
    }
}
