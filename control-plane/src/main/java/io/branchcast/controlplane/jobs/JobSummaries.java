package io.branchcast.controlplane.jobs;

import io.branchcast.contracts.events.TargetState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** JobSummaries computes job summaries from the target rows, for many jobs in one grouped query. */
@ApplicationScoped
public class JobSummaries {

    private static final String QUERY = """
            SELECT t.job_id, t.state, count(*), sum(CASE WHEN t.state = 'COMPLETED' THEN coalesce(a.size_bytes, t.bytes_done)
                                                         ELSE t.bytes_done END),
                   sum(t.bytes_from_peers), sum(t.bytes_from_origin), max(coalesce(a.size_bytes, 0))
            FROM job_targets t JOIN jobs j ON j.id = t.job_id JOIN artifacts a ON a.id = j.artifact_id
            WHERE t.job_id = ANY(?)
            GROUP BY t.job_id, t.state
            """;

    @Inject
    Session session;

    public JobSummary of(UUID jobId) {
        return of(java.util.List.of(jobId)).getOrDefault(jobId, JobSummary.empty());
    }

    public Map<UUID, JobSummary> of(Collection<UUID> jobIds) {
        if (jobIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Accumulator> byJob = new HashMap<>();
        session.doWork(c -> {
            try (PreparedStatement s = c.prepareStatement(QUERY)) {
                s.setArray(1, c.createArrayOf("uuid", jobIds.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Accumulator acc = byJob.computeIfAbsent(rs.getObject(1, UUID.class), id -> new Accumulator());
                        acc.counts.put(TargetState.valueOf(rs.getString(2)), rs.getLong(3));
                        acc.bytesDone += rs.getLong(4);
                        acc.fromPeers += rs.getLong(5);
                        acc.fromOrigin += rs.getLong(6);
                        acc.artifactSize = rs.getLong(7);
                    }
                }
            }
        });
        Map<UUID, JobSummary> summaries = new HashMap<>();
        byJob.forEach((id, acc) -> summaries.put(id, JobSummary.of(acc.counts, acc.bytesDone, acc.fromPeers, acc.fromOrigin, acc.artifactSize)));
        return summaries;
    }

    private static final class Accumulator {
        final Map<TargetState, Long> counts = new EnumMap<>(TargetState.class);
        long bytesDone;
        long fromPeers;
        long fromOrigin;
        long artifactSize;
    }
}
