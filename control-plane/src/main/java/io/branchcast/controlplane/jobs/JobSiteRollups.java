package io.branchcast.controlplane.jobs;

import io.branchcast.contracts.events.TargetState;
import io.branchcast.controlplane.agents.AgentView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** JobSiteRollups sums a job's target rows per site of their agents, in one grouped query. */
@ApplicationScoped
public class JobSiteRollups {

    private static final String ARTIFACT_SIZE = """
            SELECT coalesce(a.size_bytes, 0) FROM jobs j JOIN artifacts a ON a.id = j.artifact_id WHERE j.id = ?
            """;

    private static final String BY_SITE_AND_STATE = """
            SELECT ag.site_id, s.name, t.state, count(*), sum(t.bytes_done), sum(t.bytes_from_peers),
                   sum(t.bytes_from_origin), count(*) FILTER (WHERE ag.state = 'ACTIVE' AND ag.last_seen_at > ?)
            FROM job_targets t
            JOIN agents ag ON ag.id = t.agent_id
            LEFT JOIN sites s ON s.id = ag.site_id
            WHERE t.job_id = ?
            GROUP BY ag.site_id, s.name, t.state
            """;

    @Inject
    Session session;

    /** One row per site with targets of the job, by site name; targets without a site come last. */
    public List<JobSiteView> of(UUID jobId) {
        Timestamp onlineSince = Timestamp.from(Instant.now().minus(AgentView.ONLINE_WITHIN));
        Map<UUID, Site> bySite = new HashMap<>();
        session.doWork(c -> {
            long artifactSize = 0;
            try (PreparedStatement s = c.prepareStatement(ARTIFACT_SIZE)) {
                s.setObject(1, jobId);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        artifactSize = rs.getLong(1);
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement(BY_SITE_AND_STATE)) {
                s.setTimestamp(1, onlineSince);
                s.setObject(2, jobId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long size = artifactSize;
                        Site site = bySite.computeIfAbsent(rs.getObject(1, UUID.class), id -> new Site(size));
                        site.name = rs.getString(2);
                        site.online += rs.getLong(8);
                        site.summary.add(TargetState.valueOf(rs.getString(3)), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7));
                    }
                }
            }
        });
        List<JobSiteView> views = new ArrayList<>();
        bySite.forEach((id, site) -> views.add(new JobSiteView(id, site.name, site.online, site.summary.build())));
        views.sort(Comparator.comparing(JobSiteView::siteName, Comparator.nullsLast(String::compareTo)));
        return views;
    }

    private static final class Site {
        final JobSummaryBuilder summary;
        String name;
        long online;

        Site(long artifactSize) {
            summary = new JobSummaryBuilder(artifactSize);
        }
    }
}
