package io.branchcast.controlplane.jobs;

import io.branchcast.contracts.events.TargetState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** JobSummaries computes job summaries from the target rows, for many jobs in one grouped query. */
@ApplicationScoped
public class JobSummaries {

    /** Per job and state: targets, bytes done, bytes from peers and origin. Reads only job_targets, by index. */
    private static final String BY_STATE = """
            SELECT job_id, state, count(*), sum(bytes_done), sum(bytes_from_peers), sum(bytes_from_origin)
            FROM job_targets WHERE job_id = ANY(?) GROUP BY job_id, state
            """;

    private static final String ARTIFACT_SIZES = """
            SELECT j.id, coalesce(a.size_bytes, 0) FROM jobs j JOIN artifacts a ON a.id = j.artifact_id WHERE j.id = ANY(?)
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
        Map<UUID, JobSummaryBuilder> byJob = new HashMap<>();
        session.doWork(c -> {
            Array ids = c.createArrayOf("uuid", jobIds.toArray());
            try (PreparedStatement s = c.prepareStatement(ARTIFACT_SIZES)) {
                s.setArray(1, ids);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        byJob.put(rs.getObject(1, UUID.class), new JobSummaryBuilder(rs.getLong(2)));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(BY_STATE)) {
                s.setArray(1, ids);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        byJob.computeIfAbsent(rs.getObject(1, UUID.class), id -> new JobSummaryBuilder(0))
                                .add(TargetState.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
                    }
                }
            }
        });
        Map<UUID, JobSummary> summaries = new HashMap<>();
        byJob.forEach((id, builder) -> summaries.put(id, builder.build()));
        return summaries;
    }
}
