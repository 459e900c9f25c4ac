package io.branchcast.controlplane.jobs;

import io.branchcast.controlplane.api.Filters;
import io.branchcast.controlplane.api.Page;
import io.branchcast.controlplane.api.PageRequest;
import io.branchcast.controlplane.api.SearchPattern;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** JobQueries answers the list endpoints of jobs and job targets: filters, search and pagination. Read-only. */
@ApplicationScoped
public class JobQueries {

    @Inject
    JobSummaries summaries;

    @Inject
    EntityManager em;

    public Page<JobView> list(PageRequest paging, List<JobState> states, UUID artifactId, String search) {
        Filters filters = new Filters()
                .with("state in :states", "states", states)
                .with("artifactId = :artifact", "artifact", artifactId)
                .search("name", search);
        var query = Job.<Job>find(filters.where(), Sort.descending("createdAt", "id"), filters.parameters());
        List<Job> jobs = query.page(paging.toPanache()).list();
        Map<UUID, JobSummary> byJob = summaries.of(jobs.stream().map(j -> j.id).toList());
        return new Page<>(jobs.stream().map(j -> JobView.of(j, byJob.getOrDefault(j.id, JobSummary.empty()))).toList(),
                paging.page, paging.size, query.count());
    }

    /** The target rows of a job, filtered by state, site and host name (substring, any case), in the given order. */
    public Page<JobTargetView> targets(UUID jobId, PageRequest paging, TargetFilter filter, TargetSort sort, boolean descending) {
        Map<String, Object> params = new HashMap<>();
        params.put("job", jobId);
        StringBuilder where = new StringBuilder(" WHERE t.jobId = :job");
        if (filter.state() != null) {
            where.append(" AND t.state = :state");
            params.put("state", filter.state());
        }
        if (filter.siteId() != null) {
            where.append(" AND a.siteId = :site");
            params.put("site", filter.siteId());
        }
        if (filter.host() != null) {
            where.append(" AND lower(a.hostname) LIKE :host ESCAPE '\\'");
            params.put("host", SearchPattern.containing(filter.host()));
        }
        String withAgent = " FROM JobTarget t JOIN Agent a ON a.id = t.agentId";
        TypedQuery<Object[]> rows = em.createQuery("SELECT t, a.hostname, a.siteId" + withAgent
                + " LEFT JOIN Site s ON s.id = a.siteId" + where + " ORDER BY " + sort.orderBy(descending), Object[].class);
        // without agent filters the count needs no join: every target row has its agent (foreign key)
        boolean agentFilter = filter.siteId() != null || filter.host() != null;
        TypedQuery<Long> count = em.createQuery("SELECT count(t)" + (agentFilter ? withAgent : " FROM JobTarget t") + where, Long.class);
        params.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<JobTargetView> items = rows.setFirstResult(paging.page * paging.size).setMaxResults(paging.size)
                .getResultList().stream().map(row -> JobTargetView.of((JobTarget) row[0], (String) row[1], (UUID) row[2])).toList();
        return new Page<>(items, paging.page, paging.size, count.getSingleResult());
    }

    /** The jobs that target the agent, newest first, with its row of each; only scheduled, running and paused ones if asked. */
    public Page<AgentJobView> jobsOf(UUID agentId, PageRequest paging, boolean activeOnly) {
        String from = " FROM JobTarget t JOIN Job j ON j.id = t.jobId JOIN Agent a ON a.id = t.agentId WHERE t.agentId = :agent"
                + (activeOnly ? " AND j.state IN :active" : "");
        TypedQuery<Object[]> rows = em.createQuery("SELECT t, a.hostname, a.siteId, j.name, j.state, j.artifactId, j.createdAt"
                + from + " ORDER BY j.createdAt DESC, j.id", Object[].class);
        TypedQuery<Long> count = em.createQuery("SELECT count(t)" + from, Long.class);
        for (TypedQuery<?> query : List.of(rows, count)) {
            query.setParameter("agent", agentId);
            if (activeOnly) {
                query.setParameter("active", JobState.ACTIVE);
            }
        }
        List<AgentJobView> items = rows.setFirstResult(paging.page * paging.size).setMaxResults(paging.size)
                .getResultList().stream().map(JobQueries::agentJob).toList();
        return new Page<>(items, paging.page, paging.size, count.getSingleResult());
    }

    private static AgentJobView agentJob(Object[] row) {
        JobTarget t = (JobTarget) row[0];
        return new AgentJobView(t.jobId, (String) row[3], (JobState) row[4], (UUID) row[5], (Instant) row[6],
                JobTargetView.of(t, (String) row[1], (UUID) row[2]));
    }
}
