package io.branchcast.devstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * StackSettings says where the local servers listen and keep their data. Kafka takes three consecutive ports: the
 * client (SASL) port, then the internal plaintext listener, then the KRaft controller.
 *
 * @param host         loopback address every server binds to
 * @param postgresPort PostgreSQL port (setting {@code BRANCHCAST_POSTGRES_PORT})
 * @param kafkaPort    Kafka client port; +1 internal, +2 controller (setting {@code BRANCHCAST_KAFKA_PORT})
 * @param keycloakPort Keycloak HTTP port (setting {@code BRANCHCAST_KEYCLOAK_PORT})
 * @param dataDir      where the servers keep their data and logs (setting {@code BRANCHCAST_DATA_DIR})
 * @param cacheDir     where unpacked distributions are kept across runs (setting {@code BRANCHCAST_CACHE_DIR})
 */
public record StackSettings(String host, int postgresPort, int kafkaPort, int keycloakPort, Path dataDir, Path cacheDir) {

    public static final String HOST = "127.0.0.1";

    public StackSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(cacheDir, "cacheDir");
        checkPort(postgresPort, "BRANCHCAST_POSTGRES_PORT");
        checkPort(kafkaPort, "BRANCHCAST_KAFKA_PORT");
        checkPort(kafkaPort + 2, "BRANCHCAST_KAFKA_PORT");
        checkPort(keycloakPort, "BRANCHCAST_KEYCLOAK_PORT");
    }

    /** Settings from environment variables, falling back to the given defaults. */
    public static StackSettings fromEnvironment(Map<String, String> env, int postgres, int kafka, int keycloak, Path dataDir) {
        return new StackSettings(HOST,
                intSetting(env, "BRANCHCAST_POSTGRES_PORT", postgres),
                intSetting(env, "BRANCHCAST_KAFKA_PORT", kafka),
                intSetting(env, "BRANCHCAST_KEYCLOAK_PORT", keycloak),
                Path.of(env.getOrDefault("BRANCHCAST_DATA_DIR", dataDir.toString())).toAbsolutePath(),
                cacheDir(env));
    }

    /** The user cache directory for Branchcast: $BRANCHCAST_CACHE_DIR, else $XDG_CACHE_HOME/branchcast, else ~/.cache/branchcast. */
    public static Path cacheDir(Map<String, String> env) {
        String explicit = env.get("BRANCHCAST_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("branchcast").toAbsolutePath();
    }

    public int kafkaInternalPort() {
        return kafkaPort + 1;
    }

    public int kafkaControllerPort() {
        return kafkaPort + 2;
    }

    /** A numeric setting from the environment, or the fallback when unset; a one-line error when not a number. */
    static int intSetting(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new StackException(name + "=" + value + " is not a port number: set it to a number from 1024 to 65535");
        }
    }

    private static void checkPort(int port, String setting) {
        if (port < 1024 || port > 65535) {
            throw new StackException("port " + port + " is out of range: set " + setting + " to a number from 1024 to 65533");
        }
    }
}
