package io.branchcast.devstack;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresServerTest {

    private final StackInfo stack = SharedStack.get();

    @Test
    void runsRealPostgresqlThatStoresAndQueriesRows() throws Exception {
        try (Connection c = DriverManager.getConnection(stack.postgresUrl(), stack.postgresUser(), stack.postgresPassword());
             Statement s = c.createStatement()) {
            try (ResultSet version = s.executeQuery("SHOW server_version_num")) {
                version.next();
                assertThat(Integer.parseInt(version.getString(1))).isGreaterThanOrEqualTo(160000);
            }
            s.execute("CREATE TEMPORARY TABLE probe (id bigint PRIMARY KEY, payload jsonb NOT NULL)");
            s.execute("INSERT INTO probe SELECT g, jsonb_build_object('n', g) FROM generate_series(1, 1000) g");
            try (ResultSet sum = s.executeQuery("SELECT count(*), sum((payload->>'n')::int) FROM probe")) {
                sum.next();
                assertThat(sum.getLong(1)).isEqualTo(1000);
                assertThat(sum.getLong(2)).isEqualTo(500500);
            }
        }
    }

    @Test
    void hostsTheKeycloakDatabaseBesideBranchcasts() throws Exception {
        try (Connection c = DriverManager.getConnection(stack.postgresUrl(), stack.postgresUser(), stack.postgresPassword());
             Statement s = c.createStatement();
             ResultSet tables = s.executeQuery("SELECT datname FROM pg_database WHERE datname IN ('branchcast', 'keycloak') ORDER BY 1")) {
            assertThat(tables.next()).isTrue();
            assertThat(tables.getString(1)).isEqualTo("branchcast");
            assertThat(tables.next()).isTrue();
            assertThat(tables.getString(1)).isEqualTo("keycloak");
        }
    }
}
