package io.branchcast.contracts.events;

import java.util.List;
import java.util.Objects;

/**
 * JobDesiredState is the value of the compacted desired-state topic (key: job id): what every targeted agent must do
 * for one active job. An agent is targeted when its id is listed, or when it is in one of the sites (or no site is
 * listed) and carries every listed label (or no label is listed), provided sites or labels are listed at all. A
 * tombstone (null value) means the job ended: stop and clean up. {@code revision} grows with every change of the job,
 * so applying the same record twice is harmless. Timestamps are epoch milliseconds, 0 when absent.
 *
 * @param paused            agents keep what they have but neither download nor start
 * @param wanCapBytesPerSecond origin bandwidth cap for this job per site, 0 for the site's budget
 */
public record JobDesiredState(String jobId, long revision, String artifactId, String manifestUrl, String contentUrl,
                              long sizeBytes, List<String> siteIds, List<String> labels, List<String> agentIds,
                              long startAt, long deadline, int priority, long wanCapBytesPerSecond, long seedingSeconds,
                              boolean paused) {

    public JobDesiredState {
        Objects.requireNonNull(jobId, "jobId");
        siteIds = List.copyOf(siteIds);
        labels = List.copyOf(labels);
        agentIds = List.copyOf(agentIds);
    }

    /** Whether an agent with this id, site and labels must take part in the job. */
    public boolean targets(String agentId, String siteId, List<String> agentLabels) {
        if (agentIds.contains(agentId)) {
            return true;
        }
        if (siteIds.isEmpty() && labels.isEmpty()) {
            return false;
        }
        boolean inSite = siteIds.isEmpty() || siteIds.contains(siteId);
        return inSite && agentLabels.containsAll(labels);
    }
}
