package gr.solidarity.ledger.app.security;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Who may call what. With local identity (the embedded default) the ledger keeps its own accounts: browsers sign in
 * on a login page and hold a session cookie (with CSRF protection), API clients use HTTP Basic or a bearer token from
 * {@code POST /api/auth/token}. With OIDC identity a region's identity provider issues the bearer tokens and the
 * ledger checks them and reads role and organisation from configurable claims.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * No observation around each of the chain's filters, each authentication and each authorization decision: one
     * request passes about twenty filters, and timing each cost more than the filters themselves. Nothing reads those
     * timings; the request as a whole is still measured ({@code http_server_requests_seconds}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LocalAccounts localAccounts(QueryGateway queries) {
        return new LocalAccounts(queries);
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.security.identity", havingValue = "local", matchIfMissing = true)
    LocalTokens localTokens(@Value("${ledger.data-dir}") Path dataDirectory, SecurityProperties properties,
                            @Value("${ledger.security.token-key-file:}") String sharedKeyFile) {
        if (!sharedKeyFile.isBlank()) {
            return LocalTokens.sharedKey(Path.of(sharedKeyFile), properties.tokenValidity(), Clock.systemUTC());
        }
        return new LocalTokens(dataDirectory.resolve("identity").resolve("token-signing-key.json"),
                properties.tokenValidity(), Clock.systemUTC());
    }

    @Bean
    LoginThrottle loginThrottle(SecurityProperties properties) {
        return new LoginThrottle(properties.login().maxFailures(), properties.login().maxFailuresPerAddress(),
                properties.login().window(), Clock.systemUTC());
    }

    @Bean
    RequestIds requestIds(org.springframework.core.env.Environment environment) {
        return new RequestIds(org.springframework.boot.context.properties.bind.Binder.get(environment)
                .bind("ledger.security.trusted-proxies",
                        org.springframework.boot.context.properties.bind.Bindable.listOf(String.class))
                .orElse(List.of()));
    }

    @Bean
    SignedInActor signedInActor() {
        return new SignedInActor();
    }

    /**
     * Where the login form sends a browser that asked for nothing in particular, in a process without the web
     * interface (which runs with the query role and shows its own first page): the answer to "who am I signed in
     * as", the one page every signed-in user may see.
     */
    @Bean
    @ConditionalOnExpression("!'${ledger.roles:command,query}'.contains('query')")
    RouterFunction<ServerResponse> landingPage() {
        return RouterFunctions.route(RequestPredicates.GET("/"),
                request -> ServerResponse.seeOther(URI.create("/api/me")).build());
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, SecurityProperties properties,
                                                  LocalAccounts accounts, ObjectProvider<LocalTokens> tokens, LoginThrottle throttle,
                                                  PasswordEncoder passwordEncoder, JsonMapper json,
                                                  ObjectProvider<ReactiveJwtDecoder> providerDecoder) {
        SecurityProblems problems = new SecurityProblems(json);
        ServerWebExchangeMatcher api = ServerWebExchangeMatchers.pathMatchers("/api/**");
        // only local identity has a login form to send a browser to; with a provider every refusal is a problem
        boolean loginForm = properties.identity() == SecurityProperties.Identity.LOCAL;
        RedirectServerAuthenticationEntryPoint toLoginForm = new RedirectServerAuthenticationEntryPoint("/login");
        http.authorizeExchange(exchanges -> {
                    // the landing page is for signed-in users, so a browser arriving there is sent to the login form
                    exchanges.pathMatchers(HttpMethod.GET, "/").authenticated();
                    AccessPolicy.apply(exchanges);
                })
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((exchange, failure) -> api.matches(exchange)
                                .flatMap(match -> match.isMatch() || !loginForm ? problems.commence(exchange, failure)
                                        : toLoginForm.commence(exchange, failure)))
                        .accessDeniedHandler(problems))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::sessionBasedChange)
                        .accessDeniedHandler(problems::csrfRefused))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicy(permissions -> permissions.policy("geolocation=(), camera=(), microphone=()")));

        if (properties.identity() == SecurityProperties.Identity.LOCAL) {
            UserDetailsRepositoryReactiveAuthenticationManager checked =
                    new UserDetailsRepositoryReactiveAuthenticationManager(accounts);
            checked.setPasswordEncoder(passwordEncoder);
            ThrottledAuthenticationManager passwords = new ThrottledAuthenticationManager(checked, throttle);
            http.httpBasic(basic -> basic.authenticationManager(passwords).authenticationEntryPoint(problems))
                    .formLogin(form -> form.authenticationManager(passwords))
                    // the sign-in and sign-out pages are the ledger's own, Greek first (Spring Security's English
                    // ones appear only while it owns the entry point, which answers problem documents here)
                    .addFilterAt(new SignInPages(), SecurityWebFiltersOrder.LOGIN_PAGE_GENERATING)
                    .oauth2ResourceServer(resource -> resource
                            .authenticationEntryPoint(problems)
                            .accessDeniedHandler(problems)
                            .jwt(jwt -> jwt.jwtDecoder(tokens.getObject().decoder())
                                    .jwtAuthenticationConverter(TokenActors.local(accounts))));
        } else {
            ReactiveJwtDecoder decoder = providerDecoder.getIfAvailable(() -> {
                throw new IllegalStateException("ledger.security.identity=oidc needs the identity provider: set "
                        + "spring.security.oauth2.resourceserver.jwt.issuer-uri, jwk-set-uri or public-key-location");
            });
            http.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                    .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                    .oauth2ResourceServer(resource -> resource
                            .authenticationEntryPoint(problems)
                            .accessDeniedHandler(problems)
                            .jwt(jwt -> jwt.jwtDecoder(decoder)
                                    .jwtAuthenticationConverter(TokenActors.fromClaims(properties.claims()))));
        }
        return http.build();
    }

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private static final ServerWebExchangeMatcher SIGN_IN_OR_OUT = ServerWebExchangeMatchers.pathMatchers("/login", "/logout");

    /**
     * CSRF protection is for what a browser sends on its own: a change carried by the session cookie, and the sign-in
     * and sign-out forms (a forged sign-in would put the victim into the attacker's account). A request with an
     * Authorization header was written by a program holding the credentials, which a forged cross-site request cannot
     * add; and the 401 never offers Basic, so browsers never remember Basic credentials to send by themselves. A
     * change without cookies carries no session to abuse: it is answered 401 like any unauthenticated call, not 403.
     */
    private static reactor.core.publisher.Mono<ServerWebExchangeMatcher.MatchResult> sessionBasedChange(
            org.springframework.web.server.ServerWebExchange exchange) {
        boolean change = !SAFE.contains(exchange.getRequest().getMethod());
        boolean programmatic = exchange.getRequest().getHeaders().containsHeader(org.springframework.http.HttpHeaders.AUTHORIZATION);
        if (!change || programmatic) {
            return ServerWebExchangeMatcher.MatchResult.notMatch();
        }
        if (!exchange.getRequest().getCookies().isEmpty()) {
            return ServerWebExchangeMatcher.MatchResult.match();
        }
        return SIGN_IN_OR_OUT.matches(exchange);
    }
}
