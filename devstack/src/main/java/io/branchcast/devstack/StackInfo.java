package io.branchcast.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * StackInfo tells a client how to reach a running local stack. It is written to a properties file by the launcher
 * so that test JVMs of every module share one stack.
 *
 * @param postgresUrl           JDBC URL of the {@code branchcast} database
 * @param postgresUser          database user
 * @param postgresPassword      database password
 * @param kafkaBootstrap        the broker's SASL/OAUTHBEARER listener, validating Keycloak tokens
 * @param kafkaInternalBootstrap the broker's plaintext loopback listener (super user: tooling and tests only)
 * @param keycloakUrl           Keycloak base URL, e.g. {@code http://127.0.0.1:8180}
 * @param realm                 the Branchcast realm
 * @param dataDir               where the servers keep data and logs
 */
public record StackInfo(String postgresUrl, String postgresUser, String postgresPassword, String kafkaBootstrap,
                        String kafkaInternalBootstrap, String keycloakUrl, String realm, Path dataDir) {

    public static final String REALM = "branchcast";
    /** Secret of the demo realm's control-plane client. Demo only: a real realm gets its own secret. */
    public static final String CONTROL_PLANE_SECRET = "control-plane-dev-secret";

    public String realmUrl() {
        return keycloakUrl + "/realms/" + realm;
    }

    public String tokenUrl() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    public String jwksUrl() {
        return realmUrl() + "/protocol/openid-connect/certs";
    }

    public void writeTo(Path file) {
        Properties p = new Properties();
        p.setProperty("postgres.url", postgresUrl);
        p.setProperty("postgres.user", postgresUser);
        p.setProperty("postgres.password", postgresPassword);
        p.setProperty("kafka.bootstrap", kafkaBootstrap);
        p.setProperty("kafka.internal.bootstrap", kafkaInternalBootstrap);
        p.setProperty("keycloak.url", keycloakUrl);
        p.setProperty("keycloak.realm", realm);
        p.setProperty("data.dir", dataDir.toString());
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                p.store(w, "Branchcast local stack");
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException("cannot write the stack file " + file + ": " + e.getMessage(), e);
        }
    }

    public static StackInfo readFrom(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new StackException("cannot read the stack file " + file + " (is the stack running?): " + e.getMessage(), e);
        }
        return new StackInfo(p.getProperty("postgres.url"), p.getProperty("postgres.user"), p.getProperty("postgres.password"),
                p.getProperty("kafka.bootstrap"), p.getProperty("kafka.internal.bootstrap"), p.getProperty("keycloak.url"),
                p.getProperty("keycloak.realm"), Path.of(p.getProperty("data.dir")));
    }
}
