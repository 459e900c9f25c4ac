package io.branchcast.controlplane.tracker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * SwarmPeers stores who announced which job from where (table swarm_peers) and picks peers for an answer. Times are
 * the database's, so replicas with skewed clocks agree on who is live. Callers hold the transaction.
 */
@ApplicationScoped
public class SwarmPeers {

    private static final String UPSERT = """
            INSERT INTO swarm_peers (job_id, agent_id, ip, port, complete, announced_at) VALUES (?, ?, ?, ?, ?, now())
            ON CONFLICT (job_id, agent_id) DO UPDATE SET ip = EXCLUDED.ip, port = EXCLUDED.port,
                complete = swarm_peers.complete OR EXCLUDED.complete, announced_at = EXCLUDED.announced_at
            """;

    private static final String REMOVE = "DELETE FROM swarm_peers WHERE job_id = ? AND agent_id = ?";

    /**
     * Live peers of the job but the caller, of active agents only: the caller's site first, random within each tier
     * so that load spreads over the swarm. A caller without a site has no same-site tier.
     */
    private static final String PICK = """
            SELECT p.agent_id, p.ip, p.port, a.site_id, p.complete OR coalesce(t.state = 'COMPLETED', false)
            FROM swarm_peers p
            JOIN agents a ON a.id = p.agent_id
            LEFT JOIN job_targets t ON t.job_id = p.job_id AND t.agent_id = p.agent_id
            WHERE p.job_id = ? AND p.agent_id <> ? AND a.state = 'ACTIVE'
              AND p.announced_at > now() - make_interval(secs => ?)
            ORDER BY CASE WHEN a.site_id = ? THEN 0 ELSE 1 END, random()
            LIMIT ?
            """;

    private static final String PURGE = "DELETE FROM swarm_peers WHERE announced_at <= now() - make_interval(secs => ?)";

    /** Whether the job exists, and whether the agent is one of its targets. */
    private static final String MEMBERSHIP = """
            SELECT EXISTS (SELECT 1 FROM jobs WHERE id = ?),
                   EXISTS (SELECT 1 FROM job_targets WHERE job_id = ? AND agent_id = ?)
            """;

    /** What the database knows of an agent and a job. */
    public enum Membership { NO_SUCH_JOB, NOT_A_TARGET, TARGET }

    @Inject
    Session session;

    public Membership membership(UUID jobId, UUID agentId) {
        return session.doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(MEMBERSHIP)) {
                s.setObject(1, jobId);
                s.setObject(2, jobId);
                s.setObject(3, agentId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return !rs.getBoolean(1) ? Membership.NO_SUCH_JOB : rs.getBoolean(2) ? Membership.TARGET : Membership.NOT_A_TARGET;
                }
            }
        });
    }

    public void upsert(UUID jobId, UUID agentId, String ip, int port, boolean complete) {
        session.doWork(c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT)) {
                s.setObject(1, jobId);
                s.setObject(2, agentId);
                s.setString(3, ip);
                s.setInt(4, port);
                s.setBoolean(5, complete);
                s.executeUpdate();
            }
        });
    }

    public void remove(UUID jobId, UUID agentId) {
        session.doWork(c -> {
            try (PreparedStatement s = c.prepareStatement(REMOVE)) {
                s.setObject(1, jobId);
                s.setObject(2, agentId);
                s.executeUpdate();
            }
        });
    }

    public List<PeerView> pick(UUID jobId, UUID callerId, UUID callerSiteId, Duration liveFor, int limit) {
        return session.doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(PICK)) {
                s.setObject(1, jobId);
                s.setObject(2, callerId);
                s.setDouble(3, liveFor.toMillis() / 1000.0);
                s.setObject(4, callerSiteId, Types.OTHER);
                s.setInt(5, limit);
                List<PeerView> peers = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        peers.add(new PeerView(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                                rs.getObject(4, UUID.class), rs.getBoolean(5)));
                    }
                }
                return peers;
            }
        });
    }

    /** Deletes the peers that stopped announcing; returns how many. */
    public int purgeSilentFor(Duration silence) {
        return session.doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(PURGE)) {
                s.setDouble(1, silence.toMillis() / 1000.0);
                return s.executeUpdate();
            }
        });
    }
}
