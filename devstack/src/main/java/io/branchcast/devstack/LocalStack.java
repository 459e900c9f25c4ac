package io.branchcast.devstack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * LocalStack starts the real servers Branchcast needs, on loopback, in dependency order: PostgreSQL (Keycloak stores
 * its data there), Keycloak (Kafka validates tokens against its JWKS), Kafka. It stops them in reverse order. A server
 * that dies while the stack runs is reported through the crash listener.
 */
public final class LocalStack implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final StackSettings settings;
    private final Consumer<String> onCrash;
    private StackInfo info;
    private String realmUrl;
    private KafkaBroker kafka;

    private LocalStack(StackSettings settings, Consumer<String> onCrash) {
        this.settings = settings;
        this.onCrash = onCrash;
    }

    public static LocalStack start(StackSettings settings, Consumer<String> onCrash) {
        requirePortsFree(settings);
        LocalStack stack = new LocalStack(settings, onCrash);
        try {
            PostgresServer postgres = stack.track(PostgresServer.start(settings, onCrash));
            KeycloakServer keycloak = stack.track(KeycloakServer.start(settings, postgres, onCrash));
            stack.realmUrl = keycloak.baseUrl() + "/realms/" + StackInfo.REALM;
            stack.startKafka();
            stack.info = new StackInfo(postgres.jdbcUrl("branchcast"), PostgresServer.USER, PostgresServer.PASSWORD,
                    settings.host() + ":" + settings.kafkaPort(), stack.kafka.internalBootstrap(), keycloak.baseUrl(),
                    StackInfo.REALM, settings.dataDir());
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public StackInfo info() {
        return info;
    }

    /** Stops the Kafka broker (keeping its data), to test how clients ride out an outage. */
    public synchronized void stopKafka() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** Starts the Kafka broker again on the same ports and data after {@link #stopKafka()}. */
    public synchronized void startKafka() {
        if (kafka == null) {
            kafka = KafkaBroker.start(settings, realmUrl, onCrash);
        }
    }

    private <T extends AutoCloseable> T track(T server) {
        started.push(server);
        return server;
    }

    private static void requirePortsFree(StackSettings s) {
        Ports.requireFree(s.host(), s.postgresPort(), "PostgreSQL", "BRANCHCAST_POSTGRES_PORT");
        Ports.requireFree(s.host(), s.keycloakPort(), "Keycloak", "BRANCHCAST_KEYCLOAK_PORT");
        for (int port = s.kafkaPort(); port <= s.kafkaControllerPort(); port++) {
            Ports.requireFree(s.host(), port, "Kafka uses BRANCHCAST_KAFKA_PORT and the next two", "BRANCHCAST_KAFKA_PORT");
        }
    }

    @Override
    public void close() {
        stopKafka();
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("branchcast: " + e.getMessage());
            }
        }
    }
}
