package io.branchcast.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Seed fills the control plane's database with a fleet in bulk SQL: sites of equal size, their agents, one READY
 * artifact, and jobs that each target one site with a target row per agent.
 */
final class Seed {

    static final long ARTIFACT_SIZE = 4L << 30;

    private Seed() {
    }

    static void fleet(Connection db, int sites, int agents, int jobs) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("INSERT INTO sites (id, name, subnets, wan_budget_bps, created_at, updated_at) "
                    + "SELECT gen_random_uuid(), 'site-' || g, ARRAY['10.' || g || '.0.0/16'], 2500000, now(), now() "
                    + "FROM generate_series(1, " + sites + ") g");
            s.execute("INSERT INTO agents (id, client_id, hostname, site_id, labels, agent_version, state, enrolled_at, last_seen_at) "
                    + "SELECT gen_random_uuid(), 'agent-' || g, 'ws-' || g, "
                    + "(SELECT id FROM sites ORDER BY name OFFSET (g % " + sites + ") LIMIT 1), ARRAY['bench'], '0.1.0', "
                    + "'ACTIVE', now(), now() FROM generate_series(1, " + agents + ") g");
            s.execute("INSERT INTO artifacts (id, name, version, state, size_bytes, sha256, piece_length, piece_count, "
                    + "storage_key, created_by, created_at, ready_at) VALUES (gen_random_uuid(), 'win11', '23H2', 'READY', "
                    + ARTIFACT_SIZE + ", decode(repeat('00', 32), 'hex'), 4194304, 1024, 'bench', 'bench', now(), now())");
            s.execute("INSERT INTO jobs (id, name, artifact_id, target_sites, state, created_by, created_at, updated_at) "
                    + "SELECT gen_random_uuid(), 'rollout-' || g, (SELECT id FROM artifacts LIMIT 1), "
                    + "ARRAY[(SELECT id FROM sites ORDER BY name OFFSET (g % " + sites + ") LIMIT 1)], 'RUNNING', 'bench', "
                    + "now() - g * interval '1 minute', now() FROM generate_series(1, " + jobs + ") g");
            s.execute("INSERT INTO job_targets (job_id, agent_id, state, bytes_done, bytes_total, bytes_from_peers, "
                    + "bytes_from_origin, last_seq, updated_at) "
                    + "SELECT j.id, a.id, (ARRAY['QUEUED','DOWNLOADING','COMPLETED'])[1 + floor(random() * 3)::int], "
                    + "(random() * " + ARTIFACT_SIZE + ")::bigint, " + ARTIFACT_SIZE + ", (random() * 1e9)::bigint, "
                    + "(random() * 1e8)::bigint, 0, now() FROM jobs j JOIN agents a ON a.site_id = j.target_sites[1]");
            s.execute("ANALYZE");
        }
    }
}
