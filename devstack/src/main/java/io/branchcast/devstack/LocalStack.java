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
    private StackInfo info;

    private LocalStack() {
    }

    public static LocalStack start(StackSettings settings, Consumer<String> onCrash) {
        requirePortsFree(settings);
        LocalStack stack = new LocalStack();
        try {
            PostgresServer postgres = stack.track(PostgresServer.start(settings, onCrash));
            KeycloakServer keycloak = stack.track(KeycloakServer.start(settings, postgres, onCrash));
            String realmUrl = keycloak.baseUrl() + "/realms/" + StackInfo.REALM;
            KafkaBroker kafka = stack.track(KafkaBroker.start(settings, realmUrl, onCrash));
            stack.info = new StackInfo(postgres.jdbcUrl("branchcast"), PostgresServer.USER, PostgresServer.PASSWORD,
                    settings.host() + ":" + settings.kafkaPort(), kafka.internalBootstrap(), keycloak.baseUrl(),
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
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("branchcast: " + e.getMessage());
            }
        }
    }
}
