package gr.solidarity.ledger.ui.shell;

import gr.solidarity.ledger.messages.identity.Actor;
import gr.solidarity.ledger.messages.identity.Role;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.FindOrganisation;
import gr.solidarity.ledger.messages.organisation.OrganisationQueries.OrganisationView;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * What every page of the interface shows around its content: who is signed in, the navigation their role has, the
 * language switch, and the CSRF token every form and every htmx request carries.
 */
@ControllerAdvice(basePackages = "gr.solidarity.ledger.ui")
public class Shell {

    private final Views views;

    public Shell(Views views) {
        this.views = views;
    }

    /** The donor company's or structure's name, for its members; directorate staff belong to the directorate. */
    @ModelAttribute("organisationName")
    Mono<String> organisationName() {
        return signedIn().filter(actor -> actor.organisationId() != null)
                .flatMap(actor -> views.optional(new FindOrganisation(actor.organisationId()), OrganisationView.class)
                        .map(OrganisationView::name)
                        .defaultIfEmpty(actor.organisationId()));
    }

    /** One entry of the navigation: a path and the message key of its label. */
    public record NavEntry(String path, String label) {
    }

    @ModelAttribute("actor")
    Mono<Actor> actor() {
        return signedIn();
    }

    @ModelAttribute("nav")
    Mono<List<NavEntry>> navigation() {
        return signedIn().map(actor -> navigationOf(actor.role())).defaultIfEmpty(List.of());
    }

    /**
     * The navigation entry the page belongs to: the longest path the page's path starts with, so a page under
     * {@code /audit/as-of} marks that entry and not {@code /audit} as well.
     */
    @ModelAttribute("currentNav")
    Mono<String> currentNav(ServerWebExchange exchange) {
        String path = currentPath(exchange);
        return navigation().map(entries -> entries.stream().map(NavEntry::path)
                .filter(entry -> entry.equals("/") ? path.equals("/")
                        : path.equals(entry) || path.startsWith(entry.endsWith("/") ? entry : entry + "/"))
                .max(java.util.Comparator.comparingInt(String::length)).orElse(""));
    }

    @ModelAttribute("_csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }

    @ModelAttribute("fmt")
    Formats formats(ServerWebExchange exchange) {
        return new Formats(exchange.getLocaleContext().getLocale());
    }

    @ModelAttribute("currentPath")
    String currentPath(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().pathWithinApplication().value();
    }

    /**
     * The page's query without its language, ready for {@code lang=} to follow: switching language keeps what the
     * page was asked for (a filtered list stays filtered).
     */
    @ModelAttribute("languageQuery")
    String languageQuery(ServerWebExchange exchange) {
        var others = new org.springframework.util.LinkedMultiValueMap<>(exchange.getRequest().getQueryParams());
        others.remove("lang");
        if (others.isEmpty()) {
            return "";
        }
        return org.springframework.web.util.UriComponentsBuilder.newInstance().queryParams(others).build().encode()
                .getQuery() + "&";
    }

    /** The signed-in actor, put into the Reactor context by the web layer. */
    public static Mono<Actor> signedIn() {
        return Mono.deferContextual(context -> Mono.justOrEmpty(context.<Actor>getOrEmpty(Actor.class)));
    }

    static List<NavEntry> navigationOf(Role role) {
        List<NavEntry> entries = new ArrayList<>();
        entries.add(new NavEntry("/", "nav.dashboard"));
        if (role == Role.OFFICER || role == Role.DIRECTOR) {
            entries.add(new NavEntry("/needs", "nav.needs"));
            entries.add(new NavEntry("/approvals", "nav.approvals"));
            entries.add(new NavEntry("/stock", "nav.stock"));
            entries.add(new NavEntry("/receipts/new", "nav.receipt"));
            entries.add(new NavEntry("/organisations", "nav.organisations"));
            entries.add(new NavEntry("/catalogue", "nav.catalogue"));
            entries.add(new NavEntry("/warehouses", "nav.warehouses"));
        }
        if (role == Role.DIRECTOR) {
            entries.add(new NavEntry("/reports/distribution", "nav.reports.distribution"));
        }
        if (role == Role.AUDITOR) {
            entries.add(new NavEntry("/audit", "nav.audit.trail"));
            entries.add(new NavEntry("/audit/as-of", "nav.audit.asOf"));
            entries.add(new NavEntry("/audit/trace", "nav.audit.trace"));
            entries.add(new NavEntry("/reports/distribution", "nav.reports.distribution"));
        }
        if (role == Role.ADMIN) {
            entries.add(new NavEntry("/admin/users", "nav.admin.accounts"));
            entries.add(new NavEntry("/admin/projections", "nav.admin.projections"));
        }
        if (role == Role.DONOR) {
            entries.add(new NavEntry("/donor", "nav.donor.statement"));
            entries.add(new NavEntry("/donor/pledges", "nav.donor.pledges"));
            entries.add(new NavEntry("/donor/distribution", "nav.donor.distribution"));
            entries.add(new NavEntry("/donor/pledges/new", "nav.donor.pledge"));
        }
        if (role == Role.RECIPIENT) {
            entries.add(new NavEntry("/structure", "nav.recipient.needs"));
            entries.add(new NavEntry("/structure/needs/new", "nav.recipient.declare"));
            entries.add(new NavEntry("/structure/history", "nav.recipient.history"));
        }
        return entries;
    }

    public static boolean directorate(Actor actor) {
        return actor != null && (actor.role() == Role.OFFICER || actor.role() == Role.DIRECTOR);
    }
}
