package gr.solidarity.ledger.app.security;

import gr.solidarity.ledger.messages.identity.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

import java.util.Arrays;

import static gr.solidarity.ledger.messages.identity.Role.ADMIN;
import static gr.solidarity.ledger.messages.identity.Role.AUDITOR;
import static gr.solidarity.ledger.messages.identity.Role.DIRECTOR;
import static gr.solidarity.ledger.messages.identity.Role.DONOR;
import static gr.solidarity.ledger.messages.identity.Role.OFFICER;
import static gr.solidarity.ledger.messages.identity.Role.RECIPIENT;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Which role may call which part of the API, and open which page of the web interface. This decides by role only; whose records a donor or recipient user may
 * touch is decided where the records are (command handlers and query controllers answer 404 for another
 * organisation's). Anything under /api not listed here is refused, so a new endpoint is closed until it is placed.
 */
final class AccessPolicy {

    private AccessPolicy() {
    }

    static void apply(AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers("/login", "/logout", "/favicon.ico", "/v3/api-docs", "/v3/api-docs/**",
                "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/assets/**").permitAll();

        exchanges.pathMatchers(POST, "/api/auth/token").authenticated();
        exchanges.pathMatchers(GET, "/api/me").authenticated();

        // user accounts and projections: administrators manage, auditors read
        allow(exchanges, GET, roles(ADMIN, AUDITOR), "/api/admin/**");
        allow(exchanges, null, roles(ADMIN), "/api/admin/**");

        // the organisation registry: staff and auditors read it all, a member reads their own organisation's entry
        allow(exchanges, GET, roles(DONOR, RECIPIENT, OFFICER, DIRECTOR, AUDITOR), "/api/organisations",
                "/api/organisations/*");

        // the public registry of social structures: anyone, signed in or not, reads what its public cards show
        exchanges.pathMatchers(GET, "/api/public/structures/**", "/public/**").permitAll();
        // open data: the transparency table after its privacy rule and the public cards, for anyone
        exchanges.pathMatchers(GET, "/api/public/open-data/**").permitAll();

        // the registry of social structures: the directorate keeps it, auditors read it
        allow(exchanges, GET, roles(OFFICER, DIRECTOR, AUDITOR), "/api/registry/**");
        allow(exchanges, POST, roles(OFFICER, DIRECTOR), "/api/registry/**");
        allow(exchanges, PUT, roles(OFFICER, DIRECTOR), "/api/registry/**");

        // organisations, warehouses, catalogue, stock movements: directorate staff
        allow(exchanges, GET, roles(DONOR, RECIPIENT, OFFICER, DIRECTOR, AUDITOR), "/api/catalogue/items", "/api/catalogue/items/*");
        allow(exchanges, POST, roles(OFFICER, DIRECTOR), "/api/organisations/**", "/api/catalogue/**", "/api/warehouses",
                "/api/warehouses/**", "/api/transfers");
        allow(exchanges, PUT, roles(OFFICER, DIRECTOR), "/api/catalogue/**");

        // pledges: the donor company's own members, or staff entering a pledge made on paper or by phone
        allow(exchanges, POST, roles(DONOR, OFFICER, DIRECTOR), "/api/pledges", "/api/pledges/**");
        allow(exchanges, PUT, roles(DONOR, OFFICER, DIRECTOR), "/api/pledges/**");

        // needs: the structure's own members, or staff entering a declaration made on paper
        allow(exchanges, POST, roles(RECIPIENT, OFFICER, DIRECTOR), "/api/needs", "/api/needs/*/cancellation");
        allow(exchanges, PUT, roles(RECIPIENT, OFFICER, DIRECTOR), "/api/needs/*/lines/*");

        // allocations: staff propose, cancel and dispatch; directors decide; only the recipient confirms receipt
        allow(exchanges, POST, roles(DIRECTOR), "/api/allocations/*/approval", "/api/allocations/*/rejection");
        allow(exchanges, POST, roles(RECIPIENT), "/api/allocations/*/receipt-confirmation");
        allow(exchanges, POST, roles(OFFICER, DIRECTOR), "/api/allocations", "/api/allocations/*/cancellation",
                "/api/allocations/*/dispatch");

        // views
        allow(exchanges, GET, roles(OFFICER, DIRECTOR, AUDITOR), "/api/allocations/approvals",
                "/api/allocations/approvals/stream");
        allow(exchanges, GET, roles(RECIPIENT, OFFICER, DIRECTOR, AUDITOR), "/api/needs/**", "/api/allocations",
                "/api/allocations/*");
        allow(exchanges, GET, roles(DONOR, OFFICER, DIRECTOR, AUDITOR), "/api/donors/*/statement");
        allow(exchanges, GET, roles(DONOR, OFFICER, DIRECTOR, AUDITOR), "/api/pledges", "/api/pledges/*");
        allow(exchanges, GET, roles(OFFICER, DIRECTOR, AUDITOR), "/api/donors/statements", "/api/stock/**",
                "/api/distribution", "/api/distribution/**");
        allow(exchanges, GET, roles(AUDITOR), "/api/audit", "/api/audit/**", "/api/as-of/**");

        // the web interface's pages of the directorate: directors decide, officers and directors do the rest
        allow(exchanges, POST, roles(DIRECTOR), "/allocations/*/approval", "/allocations/*/rejection");
        allow(exchanges, null, roles(OFFICER, DIRECTOR), "/needs", "/needs/**", "/approvals", "/approvals/**",
                "/allocations/**", "/stock", "/stock/**", "/receipts", "/receipts/**", "/organisations",
                "/organisations/**", "/catalogue", "/catalogue/**",
                "/warehouses", "/warehouses/**", "/municipalities", "/registry", "/registry/**");
        // the web interface's pages of a recipient structure's members
        allow(exchanges, null, roles(RECIPIENT), "/structure", "/structure/**");
        // and of a donor company's members
        allow(exchanges, null, roles(DONOR), "/donor", "/donor/**");
        // and of auditors, who read everything and change nothing
        allow(exchanges, null, roles(AUDITOR), "/audit", "/audit/**");
        // documents: donation certificates of any company for the directorate and auditors, who read everything;
        // the distribution report for those who answer for the distribution: directors and auditors
        allow(exchanges, GET, roles(OFFICER, DIRECTOR, AUDITOR), "/certificates/**");
        allow(exchanges, GET, roles(DIRECTOR, AUDITOR), "/reports/distribution", "/reports/distribution.pdf",
                "/reports/distribution.csv", "/reports/distribution.xlsx");
        exchanges.pathMatchers("/certificates/**", "/reports/**").denyAll();
        // and of administrators
        allow(exchanges, null, roles(ADMIN), "/admin/users", "/admin/users/**", "/admin/projections",
                "/admin/projections/**");

        // operations: health is public (without details) for load balancers and orchestrators; metrics are for
        // administrators, or for whoever reaches the separate management port
        exchanges.pathMatchers(GET, "/actuator/health", "/actuator/health/**").permitAll();
        exchanges.matchers(OperationsAccess::onManagementPort).permitAll();
        allow(exchanges, GET, roles(ADMIN), "/actuator/**");
        exchanges.pathMatchers("/actuator/**").denyAll();

        exchanges.pathMatchers("/api/**").denyAll();
        exchanges.anyExchange().permitAll();
    }

    private static void allow(AuthorizeExchangeSpec exchanges, HttpMethod method, String[] roles, String... paths) {
        if (method == null) {
            exchanges.pathMatchers(paths).hasAnyRole(roles);
        } else {
            exchanges.pathMatchers(method, paths).hasAnyRole(roles);
        }
    }

    private static String[] roles(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
