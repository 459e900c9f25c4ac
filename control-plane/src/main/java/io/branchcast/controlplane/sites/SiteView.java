package io.branchcast.controlplane.sites;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * SiteView is a site as the API returns it, with its agents counted by liveness. Audit snapshots leave the counts out
 * ({@code agents} null): they are not part of the site's settings.
 */
public record SiteView(UUID id, String name, List<String> subnets, long wanBudgetBytesPerSecond,
                       List<TransferWindow> transferWindows, Instant createdAt, Instant updatedAt,
                       @JsonInclude(JsonInclude.Include.NON_NULL) AgentCounts agents) {

    public static SiteView of(Site site) {
        return of(site, null);
    }

    public static SiteView of(Site site, AgentCounts agents) {
        return new SiteView(site.id, site.name, List.copyOf(site.subnets), site.wanBudgetBytesPerSecond,
                List.copyOf(site.transferWindows), site.createdAt, site.updatedAt, agents);
    }
}
