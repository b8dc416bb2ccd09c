package gr.solidarity.ledger.query.account;

import gr.solidarity.ledger.query.web.OrganisationScope;

import gr.solidarity.ledger.messages.identity.AccountQueries.FindUserAccount;
import gr.solidarity.ledger.messages.identity.AccountQueries.FindUserAccounts;
import gr.solidarity.ledger.messages.identity.AccountQueries.UserAccountPage;
import gr.solidarity.ledger.messages.identity.AccountQueries.UserAccountView;
import gr.solidarity.ledger.messages.identity.Role;
import gr.solidarity.ledger.query.web.InvalidQueryException;
import gr.solidarity.ledger.query.web.Pages;
import gr.solidarity.ledger.query.web.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Users", description = "Λογαριασμοί χρηστών και ρόλοι")
class UserAccountQueryController {

    static final String VIEW = "user-accounts";

    private final Queries queries;

    UserAccountQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/admin/users")
    @Operation(summary = "Local user accounts, by username")
    Mono<UserAccountPage> list(@RequestParam(required = false) String role,
                               @RequestParam(required = false) String organisationId,
                               @RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) String cursor,
                               @RequestParam(required = false) Long minPosition,
                               @RequestParam(required = false) Long waitMillis) {
        FindUserAccounts query = new FindUserAccounts(role(role), organisationId,
                cursor == null ? null : Pages.decodeCursor(cursor), Pages.limit(limit));
        return queries.ask(VIEW, minPosition, waitMillis, query, UserAccountPage.class)
                .map(page -> new UserAccountPage(page.items(),
                        page.nextCursor() == null ? null : Pages.encodeCursor(page.nextCursor())));
    }

    @GetMapping("/api/admin/users/{username}")
    @Operation(summary = "One local user account")
    Mono<ResponseEntity<UserAccountView>> one(@PathVariable String username,
                                              @RequestParam(required = false) Long minPosition,
                                              @RequestParam(required = false) Long waitMillis) {
        return queries.ask(VIEW, minPosition, waitMillis, new FindUserAccount(username),
                        ResponseTypes.optionalInstanceOf(UserAccountView.class))
                .map(found -> found.map(ResponseEntity::ok).orElseThrow(OrganisationScope.NotVisibleException::new));
    }

    private static Role role(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        try {
            return Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("role", "unknown role: " + role);
        }
    }
}
