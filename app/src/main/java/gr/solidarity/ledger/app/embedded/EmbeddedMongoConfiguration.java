package gr.solidarity.ledger.app.embedded;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded default: MongoDB served in-process by mongo-java-server on a loopback port, stored in an H2 MVStore file
 * in the data directory. The application talks to it through the real MongoDB driver, so the read side behaves the
 * same as against a MongoDB server. Writes are committed to the file in groups ({@link GroupCommitH2Backend}), in a
 * compact format of this application's own ({@link CompactH2Database}), with the views' non-unique indexes kept as
 * well as their unique ones ({@link CompactSecondaryIndex}); a file of the earlier format is set aside and the views
 * rebuilt from the events ({@link ReadModelStore}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.embedded-mongo.enabled", havingValue = "true", matchIfMissing = true)
public class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(@Value("${ledger.data-dir}") Path dataDirectory,
                                    @Value("${ledger.embedded-mongo.commit-interval:10s}") Duration commitInterval) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDirectory, e);
        }
        Path file = dataDirectory.resolve("readmodels.mv.db").toAbsolutePath();
        MVStore store = ReadModelStore.open(file);
        MongoServer server = new MongoServer(new GroupCommitH2Backend(store, commitInterval));
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB on {} stores in {}", address, file);
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer,
                                                          @Value("${spring.mongodb.database}") String database) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        var connectionString = new ConnectionString(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database);
        return () -> connectionString;
    }
}
