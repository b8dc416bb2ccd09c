package gr.solidarity.ledger.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Access tokens the ledger issues to its local accounts: JWTs signed with an RSA key that is generated on the first
 * start and kept in the data directory (readable by the owner only), so tokens survive a restart. A token names only
 * the user; role and organisation are read from the account on every request, so a role change or a disabled
 * account takes effect at once.
 */
final class LocalTokens {

    static final String ISSUER = "solidarity-ledger";

    private final RSAKey key;
    private final NimbusJwtEncoder encoder;
    private final Duration validity;
    private final Clock clock;

    LocalTokens(Path keyFile, Duration validity, Clock clock) {
        this(loadOrCreate(keyFile), validity, clock);
    }

    private LocalTokens(RSAKey key, Duration validity, Clock clock) {
        this.key = key;
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.validity = validity;
        this.clock = clock;
    }

    record Issued(String accessToken, long expiresInSeconds) {
    }

    Issued issue(String userId) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(userId)
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(validity))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new Issued(token, validity.toSeconds());
    }

    /** Checks the ledger's own tokens; one whose signature was checked before is not checked again (see CheckedTokens). */
    ReactiveJwtDecoder decoder() {
        try {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(key.toRSAPublicKey())
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
            OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(ISSUER);
            decoder.setJwtValidator(validator);
            return new CheckedTokens(decoder, validator);
        } catch (JOSEException e) {
            throw new IllegalStateException("The token signing key cannot be used", e);
        }
    }

    /**
     * Tokens signed with a key the operator provides, so that every process of a split deployment (command and query
     * processes, several of each) accepts the tokens any of them issued. The file holds an RSA private key as PEM
     * (PKCS#8, as {@code openssl genpkey -algorithm RSA} writes it) or as a JWK; it is read, never written.
     */
    static LocalTokens sharedKey(Path keyFile, Duration validity, Clock clock) {
        try {
            String content = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
            RSAKey key = content.startsWith("{") ? RSAKey.parse(content) : fromPem(content);
            if (!key.isPrivate()) {
                throw new IllegalStateException("The token signing key at " + keyFile + " holds no private key");
            }
            // the same key gives the same id in every process
            return new LocalTokens(new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build(),
                    validity, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token signing key at " + keyFile, e);
        } catch (ParseException | JOSEException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The token signing key at " + keyFile + " is not an RSA private key "
                    + "in PKCS#8 PEM or JWK form", e);
        }
    }

    private static RSAKey fromPem(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        return new RSAKey.Builder(publicKey).privateKey(privateKey).build();
    }

    private static RSAKey loadOrCreate(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return RSAKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
            }
            RSAKey generated = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            Files.createDirectories(keyFile.getParent());
            Path partial = keyFile.resolveSibling(keyFile.getFileName() + ".new");
            Files.writeString(partial, generated.toJSONString(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            restrictToOwner(partial);
            Files.move(partial, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the token signing key at " + keyFile, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("The token signing key at " + keyFile + " is not usable", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions relies on the data directory's own protection
        }
    }
}
