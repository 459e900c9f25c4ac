package io.branchcast.controlplane.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * TargetSelector turns job targets into agents in SQL, so that a job for a site of thousands of agents is one
 * statement. The rule is {@link JobTargets}'s; revoked agents are never targeted.
 */
@ApplicationScoped
public class TargetSelector {

    private static final String MATCH = """
            FROM agents a
            WHERE a.state = 'ACTIVE'
              AND (a.id = ANY(?)
                   OR ((cardinality(?::uuid[]) > 0 OR cardinality(?::text[]) > 0)
                       AND (cardinality(?::uuid[]) = 0 OR a.site_id = ANY(?))
                       AND a.labels @> ?))
            """;

    @Inject
    Session session;

    /** How many active agents the targets select right now. */
    public long count(JobTargets targets) {
        return session.doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) " + MATCH)) {
                bind(c, s, 1, targets);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Adds a QUEUED target row for every selected agent; returns how many. Runs in the caller's transaction. */
    public int insertTargets(UUID jobId, JobTargets targets) {
        return session.doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO job_targets (job_id, agent_id, state, updated_at) SELECT ?, a.id, 'QUEUED', now() " + MATCH)) {
                s.setObject(1, jobId);
                bind(c, s, 2, targets);
                return s.executeUpdate();
            }
        });
    }

    private static void bind(Connection c, PreparedStatement s, int first, JobTargets t) throws SQLException {
        Array agents = c.createArrayOf("uuid", t.agentIds().toArray());
        Array sites = c.createArrayOf("uuid", t.siteIds().toArray());
        Array labels = c.createArrayOf("text", t.labels().toArray());
        s.setArray(first, agents);
        s.setArray(first + 1, sites);
        s.setArray(first + 2, labels);
        s.setArray(first + 3, sites);
        s.setArray(first + 4, sites);
        s.setArray(first + 5, labels);
    }
}
