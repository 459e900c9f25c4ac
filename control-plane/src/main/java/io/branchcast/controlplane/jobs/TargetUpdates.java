package io.branchcast.controlplane.jobs;

import io.branchcast.contracts.events.AgentEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * TargetUpdates applies a batch of agent events to the job-target rows in one statement. Within the batch only the
 * newest event per (job, agent) counts; in the table a row moves only to a higher sequence number, and a cancelled
 * target stays cancelled. Events naming an unknown job or agent are dropped by the join. Runs in the caller's
 * transaction.
 */
@ApplicationScoped
public class TargetUpdates {

    private static final String UPSERT = """
            INSERT INTO job_targets AS t (job_id, agent_id, state, bytes_done, bytes_total, bytes_from_peers,
                                          bytes_from_origin, error_code, error_message, last_seq, started_at, updated_at,
                                          finished_at)
            SELECT u.job_id, u.agent_id, u.state, u.bytes_done, u.bytes_total, u.peers, u.origin, u.error_code,
                   u.error_message, u.seq, CASE WHEN u.state <> 'QUEUED' THEN u.at END, u.at,
                   CASE WHEN u.state IN ('COMPLETED', 'FAILED', 'CANCELLED') THEN u.at END
            FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[],
                        ?::text[], ?::bigint[], ?::timestamptz[])
                 AS u(job_id, agent_id, state, bytes_done, bytes_total, peers, origin, error_code, error_message, seq, at)
            JOIN jobs j ON j.id = u.job_id
            JOIN agents a ON a.id = u.agent_id
            ON CONFLICT (job_id, agent_id) DO UPDATE SET
                state = EXCLUDED.state, bytes_done = EXCLUDED.bytes_done, bytes_total = EXCLUDED.bytes_total,
                bytes_from_peers = EXCLUDED.bytes_from_peers, bytes_from_origin = EXCLUDED.bytes_from_origin,
                error_code = EXCLUDED.error_code, error_message = EXCLUDED.error_message, last_seq = EXCLUDED.last_seq,
                started_at = coalesce(t.started_at, EXCLUDED.started_at), updated_at = EXCLUDED.updated_at,
                finished_at = EXCLUDED.finished_at
            WHERE t.last_seq < EXCLUDED.last_seq AND t.state <> 'CANCELLED'
            """;

    private static final String SEEN = """
            UPDATE agents SET last_seen_at = greatest(coalesce(last_seen_at, s.at), s.at)
            FROM unnest(?::uuid[], ?::timestamptz[]) AS s(id, at) WHERE agents.id = s.id
            """;

    @Inject
    Session session;

    /** Applies the events; returns the ids of the jobs they touched (whether or not a row changed). */
    public Set<UUID> apply(Collection<AgentEvent> events) {
        Map<Key, Parsed> newest = new HashMap<>();
        for (AgentEvent event : events) {
            Parsed parsed = Parsed.of(event);
            if (parsed != null) {
                newest.merge(parsed.key(), parsed, (a, b) -> a.event().seq() >= b.event().seq() ? a : b);
            }
        }
        if (newest.isEmpty()) {
            return Set.of();
        }
        session.doWork(c -> {
            upsert(c, newest.values());
            touchAgents(c, newest.values());
        });
        Set<UUID> jobs = new HashSet<>();
        newest.keySet().forEach(k -> jobs.add(k.jobId()));
        return jobs;
    }

    private static void upsert(Connection c, Collection<Parsed> rows) throws SQLException {
        int n = rows.size();
        Object[] jobIds = new Object[n], agentIds = new Object[n], states = new Object[n], done = new Object[n],
                total = new Object[n], peers = new Object[n], origin = new Object[n], codes = new Object[n],
                messages = new Object[n], seqs = new Object[n], at = new Object[n];
        int i = 0;
        for (Parsed p : rows) {
            AgentEvent e = p.event();
            jobIds[i] = p.key().jobId();
            agentIds[i] = p.key().agentId();
            states[i] = e.state().name();
            done[i] = e.bytesDone();
            total[i] = e.bytesTotal();
            peers[i] = e.bytesFromPeers();
            origin[i] = e.bytesFromOrigin();
            codes[i] = e.errorCode();
            messages[i] = e.errorMessage();
            seqs[i] = e.seq();
            at[i] = new Timestamp(e.at());
            i++;
        }
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            s.setArray(1, c.createArrayOf("uuid", jobIds));
            s.setArray(2, c.createArrayOf("uuid", agentIds));
            s.setArray(3, c.createArrayOf("text", states));
            s.setArray(4, c.createArrayOf("bigint", done));
            s.setArray(5, c.createArrayOf("bigint", total));
            s.setArray(6, c.createArrayOf("bigint", peers));
            s.setArray(7, c.createArrayOf("bigint", origin));
            s.setArray(8, c.createArrayOf("text", codes));
            s.setArray(9, c.createArrayOf("text", messages));
            s.setArray(10, c.createArrayOf("bigint", seqs));
            s.setArray(11, c.createArrayOf("timestamptz", at));
            s.executeUpdate();
        }
    }

    private static void touchAgents(Connection c, Collection<Parsed> rows) throws SQLException {
        Map<UUID, Long> lastSeen = new HashMap<>();
        rows.forEach(p -> lastSeen.merge(p.key().agentId(), p.event().at(), Math::max));
        try (PreparedStatement s = c.prepareStatement(SEEN)) {
            s.setArray(1, c.createArrayOf("uuid", lastSeen.keySet().toArray()));
            s.setArray(2, c.createArrayOf("timestamptz", lastSeen.values().stream().map(Timestamp::new).toArray()));
            s.executeUpdate();
        }
    }

    private record Key(UUID jobId, UUID agentId) {
    }

    /** An event whose ids parse; events with malformed ids are dropped. */
    private record Parsed(Key key, AgentEvent event) {
        static Parsed of(AgentEvent event) {
            try {
                return new Parsed(new Key(UUID.fromString(event.jobId()), UUID.fromString(event.agentId())), event);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
