package gr.solidarity.ledger.app.support;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;

/**
 * The production stores as containers, for the tests that run where Docker is available: Axon Server standalone and
 * MongoDB, their images overridable with {@code -Daxonserver.image} and {@code -Dmongodb.image}.
 */
public final class ProductionContainers {

    private ProductionContainers() {
    }

    public static GenericContainer<?> axonServer() {
        return new GenericContainer<>(DockerImageName.parse(
                System.getProperty("axonserver.image", "axoniq/axonserver:latest")))
                .withEnv("AXONIQ_AXONSERVER_STANDALONE", "true")
                .withExposedPorts(8024, 8124)
                .waitingFor(Wait.forHttp("/actuator/health").forPort(8024).withStartupTimeout(Duration.ofMinutes(3)));
    }

    public static GenericContainer<?> mongo() {
        return new GenericContainer<>(DockerImageName.parse(System.getProperty("mongodb.image", "mongo:7.0")))
                .withExposedPorts(27017)
                .waitingFor(Wait.forLogMessage(".*Waiting for connections.*", 1));
    }
}
