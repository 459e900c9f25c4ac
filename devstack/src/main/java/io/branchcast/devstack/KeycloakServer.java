package io.branchcast.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * KeycloakServer runs the real Keycloak distribution in development mode, storing its data in the stack's PostgreSQL
 * and importing the Branchcast realm (kept in this module's resources) on first start.
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM_FILE = "branchcast-realm.json";
    /** Bootstrap administrator of Keycloak's master realm. Demo only. */
    static final String BOOTSTRAP_ADMIN = "admin";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final ChildProcess process;
    private final String baseUrl;

    private KeycloakServer(ChildProcess process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static KeycloakServer start(StackSettings settings, PostgresServer postgres, Consumer<String> onCrash) {
        Path home = KeycloakDistribution.ensureUnpacked(settings.cacheDir());
        installRealm(home);
        String baseUrl = "http://" + settings.host() + ":" + settings.keycloakPort();
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=" + settings.host(),
                "--http-port=" + settings.keycloakPort(),
                "--hostname=" + baseUrl,
                "--db=postgres",
                "--db-url=" + postgres.jdbcUrl("keycloak"),
                "--db-username=" + PostgresServer.USER,
                "--db-password=" + PostgresServer.PASSWORD,
                "--import-realm");
        Map<String, String> env = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", BOOTSTRAP_ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", BOOTSTRAP_ADMIN,
                "JAVA_HOME", System.getProperty("java.home"));
        ChildProcess process = ChildProcess.start("Keycloak", command, home, env,
                settings.dataDir().resolve("logs/keycloak.log"));
        KeycloakServer server = new KeycloakServer(process, baseUrl);
        try {
            Readiness.await("Keycloak", START_TIMEOUT, process,
                    () -> HttpProbe.isOk(baseUrl + "/realms/" + StackInfo.REALM + "/.well-known/openid-configuration"));
        } catch (StackException e) {
            server.close();
            throw e;
        }
        process.onCrash(onCrash);
        return server;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The realm file goes where --import-realm looks; an existing realm is never overwritten by Keycloak. */
    private static void installRealm(Path home) {
        Path importDir = home.resolve("data/import");
        try (InputStream realm = KeycloakServer.class.getResourceAsStream(REALM_FILE)) {
            if (realm == null) {
                throw new StackException("the realm file " + REALM_FILE + " is missing from the devstack jar: rebuild devstack");
            }
            Files.createDirectories(importDir);
            Files.copy(realm, importDir.resolve(REALM_FILE), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException("cannot place the realm file in " + importDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
