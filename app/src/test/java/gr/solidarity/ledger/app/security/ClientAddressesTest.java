package gr.solidarity.ledger.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed sign-ins are limited per client address. Behind the region's reverse proxy that address is the one the proxy
 * forwards; from anyone else a forwarded header is a claim to ignore, or a guesser could spread failures over
 * invented addresses, or lock out the addresses of others.
 */
class ClientAddressesTest {

    final RequestIds behindProxies = new RequestIds(List.of("10.0.0.0/8", "192.0.2.10"));

    private String clientSeenBy(RequestIds filter, String peer, String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/api/auth/token")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor.length > 0) {
            request.header(ClientAddresses.FORWARDED_FOR, forwardedFor);
        }
        AtomicReference<String> seen = new AtomicReference<>();
        filter.filter(MockServerWebExchange.from(request), exchange -> Mono.deferContextual(context -> {
            seen.set(context.get(RequestIds.CLIENT_ADDRESS));
            return Mono.empty();
        })).block();
        return seen.get();
    }

    @Test
    void behindATrustedProxyEachUserIsKnownByTheirOwnAddress() {
        assertThat(clientSeenBy(behindProxies, "10.1.2.3", "198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(clientSeenBy(behindProxies, "10.1.2.3", "198.51.100.8")).isEqualTo("198.51.100.8");
        // two proxies in a row, both ours
        assertThat(clientSeenBy(behindProxies, "192.0.2.10", "198.51.100.9, 10.4.4.4")).isEqualTo("198.51.100.9");
    }

    @Test
    void aForwardedHeaderFromAnUntrustedPeerIsIgnored() {
        assertThat(clientSeenBy(behindProxies, "203.0.113.5", "198.51.100.7")).isEqualTo("203.0.113.5");
        assertThat(clientSeenBy(new RequestIds(List.of()), "10.1.2.3", "198.51.100.7")).isEqualTo("10.1.2.3");
    }

    @Test
    void whatAClientWroteBeforeOurProxyIsNotBelieved() {
        // the client sent "X-Forwarded-For: 6.6.6.6"; our proxy appended the address it really came from
        assertThat(clientSeenBy(behindProxies, "10.1.2.3", "6.6.6.6, 198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(clientSeenBy(behindProxies, "10.1.2.3", "<script>")).isEqualTo("10.1.2.3");
    }
}
