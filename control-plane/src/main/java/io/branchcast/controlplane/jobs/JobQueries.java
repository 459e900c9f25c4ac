package io.branchcast.controlplane.jobs;

import io.branchcast.contracts.events.TargetState;
import io.branchcast.controlplane.api.Page;
import io.branchcast.controlplane.api.PageRequest;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
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

    public Page<JobView> list(PageRequest paging, JobState state, UUID artifactId, String search) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (state != null) {
            clauses.add("state = :state");
            params.and("state", state);
        }
        if (artifactId != null) {
            clauses.add("artifactId = :artifact");
            params.and("artifact", artifactId);
        }
        if (search != null && !search.isBlank()) {
            clauses.add("lower(name) like :q");
            params.and("q", "%" + search.toLowerCase().strip() + "%");
        }
        Sort newest = Sort.descending("createdAt", "id");
        var query = clauses.isEmpty() ? Job.<Job>findAll(newest) : Job.<Job>find(String.join(" and ", clauses), newest, params);
        List<Job> jobs = query.page(paging.toPanache()).list();
        Map<UUID, JobSummary> byJob = summaries.of(jobs.stream().map(j -> j.id).toList());
        return new Page<>(jobs.stream().map(j -> JobView.of(j, byJob.getOrDefault(j.id, JobSummary.empty()))).toList(),
                paging.page, paging.size, query.count());
    }

    public Page<JobTargetView> targets(UUID jobId, PageRequest paging, TargetState state, UUID siteId) {
        String filter = " t.jobId = :job" + (state != null ? " AND t.state = :state" : "");
        String joined = " FROM JobTarget t, Agent a WHERE a.id = t.agentId AND" + filter + (siteId != null ? " AND a.siteId = :site" : "");
        TypedQuery<Object[]> rows = em.createQuery("SELECT t, a.hostname, a.siteId" + joined + " ORDER BY a.hostname, a.id", Object[].class);
        // without a site filter the count needs no join: every target row has its agent (foreign key)
        TypedQuery<Long> count = em.createQuery("SELECT count(t)" + (siteId != null ? joined : " FROM JobTarget t WHERE" + filter), Long.class);
        for (TypedQuery<?> q : List.of(rows, count)) {
            q.setParameter("job", jobId);
            if (state != null) {
                q.setParameter("state", state);
            }
            if (siteId != null) {
                q.setParameter("site", siteId);
            }
        }
        List<JobTargetView> items = rows.setFirstResult(paging.page * paging.size).setMaxResults(paging.size)
                .getResultList().stream().map(JobQueries::view).toList();
        return new Page<>(items, paging.page, paging.size, count.getSingleResult());
    }

    private static JobTargetView view(Object[] row) {
        JobTarget t = (JobTarget) row[0];
        double percent = t.state == TargetState.COMPLETED ? 100.0
                : t.bytesTotal == null || t.bytesTotal == 0 ? 0 : Math.round(t.bytesDone * 10000.0 / t.bytesTotal) / 100.0;
        return new JobTargetView(t.agentId, (String) row[1], (UUID) row[2], t.state, t.bytesDone, t.bytesTotal, percent,
                t.bytesFromPeers, t.bytesFromOrigin, t.errorCode, t.errorMessage, t.startedAt, t.updatedAt, t.finishedAt);
    }
}
