package gr.solidarity.ledger.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

/** An identity provider for tests: an RSA key pair of its own, its public key as PEM, tokens it signs. */
final class TestIdentityProvider {

    static final String AUDIENCE = "solidarity-ledger";

    private final RSAKey key;

    TestIdentityProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-provider").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the public key where {@code spring.security.oauth2.resourceserver.jwt.public-key-location} finds it. */
    Path writePublicKey(Path directory) throws IOException, JOSEException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.toRSAPublicKey().getEncoded());
        Path pem = directory.resolve("provider-public-key.pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n");
        return pem;
    }

    String token(Map<String, Object> claims) {
        return token(claims, Instant.now().plusSeconds(600));
    }

    String token(Map<String, Object> claims, Instant expiresAt) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer("https://idp.example.gr/realms/epirus")
                // issued to the ledger unless the claims say otherwise
                .audience(AUDIENCE)
                .issueTime(Date.from(Instant.now().minusSeconds(60 * 60 * 2)))
                .expirationTime(Date.from(expiresAt));
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                builder.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
