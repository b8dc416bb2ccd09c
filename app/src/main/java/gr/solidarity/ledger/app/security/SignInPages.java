package gr.solidarity.ledger.app.security;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/**
 * The sign-in and sign-out pages for browsers, in Greek first and English second like the rest of the interface.
 * Plain HTML forms without scripts, so the content security policy can forbid every script; each form carries the
 * session's CSRF token.
 */
final class SignInPages implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.GET) {
            return chain.filter(exchange);
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.equals("/login")) {
            return csrfToken(exchange).flatMap(token -> write(exchange, loginPage(exchange, token)));
        }
        if (path.equals("/logout")) {
            return csrfToken(exchange).flatMap(token -> write(exchange, logoutPage(token)));
        }
        return chain.filter(exchange);
    }

    private static Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.error(new IllegalStateException("CSRF protection is not set up")) : token;
    }

    private static String loginPage(ServerWebExchange exchange, CsrfToken token) {
        var query = exchange.getRequest().getQueryParams();
        String notice = "";
        if (query.containsKey("error")) {
            notice = """
                    <p class="alert error" role="alert">Λάθος όνομα χρήστη ή κωδικός, ή πολλές αποτυχημένες προσπάθειες.
                    <span lang="en">Wrong user name or password, or too many failed attempts.</span></p>""";
        } else if (query.containsKey("logout")) {
            notice = """
                    <p class="alert success" role="status">Αποσυνδεθήκατε. <span lang="en">You have signed out.</span></p>""";
        }
        return page("Σύνδεση · Sign in", """
                <h1>Σύνδεση <span lang="en">Sign in</span></h1>
                %s
                <form method="post" action="/login">
                  <div class="field">
                  <label for="username">Όνομα χρήστη <span lang="en">User name</span></label>
                  <input id="username" name="username" autocomplete="username" required autofocus>
                  </div>
                  <div class="field">
                  <label for="password">Κωδικός <span lang="en">Password</span></label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  </div>
                  %s
                  <button type="submit" class="primary">Σύνδεση <span lang="en">Sign in</span></button>
                </form>""".formatted(notice, hidden(token)));
    }

    private static String logoutPage(CsrfToken token) {
        return page("Αποσύνδεση · Sign out", """
                <h1>Αποσύνδεση <span lang="en">Sign out</span></h1>
                <form method="post" action="/logout">
                  %s
                  <button type="submit" class="primary">Αποσύνδεση <span lang="en">Sign out</span></button>
                </form>""".formatted(hidden(token)));
    }

    private static String hidden(CsrfToken token) {
        return "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(token.getParameterName()) + "\" value=\""
                + HtmlUtils.htmlEscape(token.getToken()) + "\">";
    }

    /** The web interface's look, from its own stylesheet, so that signing in is part of the same interface. */
    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="el">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s · Solidarity Ledger</title>
                  <link rel="stylesheet" href="/assets/ui.css">
                  <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
                </head>
                <body>
                <header class="top">
                  <div class="brand"><span>Δίκτυο Κοινωνικής Αλληλεγγύης</span>
                    <span class="sub">Διεύθυνση Κοινωνικής Μέριμνας · <span lang="en">Social Solidarity Network</span></span></div>
                </header>
                <main id="main" class="signin">
                %s
                </main>
                </body>
                </html>
                """.formatted(title, body);
    }

    private static Mono<Void> write(ServerWebExchange exchange, String html) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.OK);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        DataBuffer body = response.bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(body));
    }
}
