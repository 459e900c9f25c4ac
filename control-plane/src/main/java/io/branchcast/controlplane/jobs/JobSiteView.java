package io.branchcast.controlplane.jobs;

import java.util.UUID;

/**
 * JobSiteView is a job's progress at one site: its targets there summed up like the job's own summary, and how many
 * of those agents are online. {@code siteId} and {@code siteName} are null for the targets that belong to no site.
 */
public record JobSiteView(UUID siteId, String siteName, long onlineAgents, JobSummary summary) {
}
