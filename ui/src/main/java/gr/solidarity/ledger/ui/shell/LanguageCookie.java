package gr.solidarity.ledger.ui.shell;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

import java.time.Duration;
import java.util.Locale;

/**
 * Greek unless the person chose English: {@code ?lang=en} (or {@code el}) on any page chooses, and a cookie remembers
 * the choice on this browser for a year.
 */
final class LanguageCookie implements LocaleContextResolver {

    static final String COOKIE = "lang";
    static final Locale GREEK = Locale.forLanguageTag("el");

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        String asked = exchange.getRequest().getQueryParams().getFirst("lang");
        if (supported(asked)) {
            remember(exchange, asked);
            return new SimpleLocaleContext(Locale.forLanguageTag(asked));
        }
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        if (cookie != null && supported(cookie.getValue())) {
            return new SimpleLocaleContext(Locale.forLanguageTag(cookie.getValue()));
        }
        return new SimpleLocaleContext(GREEK);
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
        Locale locale = localeContext == null ? null : localeContext.getLocale();
        if (locale != null && supported(locale.getLanguage())) {
            remember(exchange, locale.getLanguage());
        }
    }

    private static boolean supported(String language) {
        return "el".equals(language) || "en".equals(language);
    }

    private static void remember(ServerWebExchange exchange, String language) {
        // set, not add: the resolver may run more than once for one request
        exchange.getResponse().getCookies().set(COOKIE, ResponseCookie.from(COOKIE, language)
                .path("/").maxAge(Duration.ofDays(365)).sameSite("Lax").httpOnly(true).build());
    }
}
