package gr.solidarity.ledger.app.topology;

import gr.solidarity.ledger.app.support.Identities;
import gr.solidarity.ledger.app.support.RunningLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * A deployment split into command and query processes, each with local identity: every process answers who is signed
 * in, and a token issued by one is accepted by the others when they share the operator's signing key.
 */
class SplitProcessesTest {

    @TempDir
    Path directory;

    @Test
    void aCommandOnlyProcessAnswersWhoIsSignedInAndItsLandingPage() {
        try (RunningLedger command = RunningLedger.start(directory.resolve("command"), "ledger.roles=command")) {
            command.identities().admin().get().uri("/api/me").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.userId").isEqualTo(Identities.ADMIN);
            command.identities().admin().get().uri("/").exchange()
                    .expectStatus().isSeeOther()
                    .expectHeader().location("/api/me");
        }
    }

    @Test
    void aTokenIssuedByOneProcessIsAcceptedByAnotherWithTheSharedKey() throws Exception {
        Path key = directory.resolve("token-signing-key.pem");
        Files.writeString(key, pkcs8Pem());
        String shared = "ledger.security.token-key-file=" + key;
        try (RunningLedger first = RunningLedger.start(directory.resolve("first"), shared, "ledger.roles=command");
             RunningLedger second = RunningLedger.start(directory.resolve("second"), shared)) {
            String token = first.identities().token(Identities.ADMIN, Identities.ADMIN_PASSWORD);

            second.identities().withToken(token).get().uri("/api/me").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.userId").isEqualTo(Identities.ADMIN);
        }
    }

    @Test
    void withoutASharedKeyEachProcessAcceptsOnlyItsOwnTokens() {
        try (RunningLedger first = RunningLedger.start(directory.resolve("first"), "ledger.roles=command");
             RunningLedger second = RunningLedger.start(directory.resolve("second"))) {
            String token = first.identities().token(Identities.ADMIN, Identities.ADMIN_PASSWORD);

            second.identities().withToken(token).get().uri("/api/me").exchange().expectStatus().isUnauthorized();
        }
    }

    private static String pkcs8Pem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] encoded = generator.generateKeyPair().getPrivate().getEncoded();
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(encoded)
                + "\n-----END PRIVATE KEY-----\n";
    }
}
