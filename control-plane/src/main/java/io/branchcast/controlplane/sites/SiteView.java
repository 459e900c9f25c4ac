package io.branchcast.controlplane.sites;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** SiteView is a site as the API returns it. */
public record SiteView(UUID id, String name, List<String> subnets, long wanBudgetBytesPerSecond,
                       List<TransferWindow> transferWindows, Instant createdAt, Instant updatedAt) {

    public static SiteView of(Site site) {
        return new SiteView(site.id, site.name, List.copyOf(site.subnets), site.wanBudgetBytesPerSecond,
                List.copyOf(site.transferWindows), site.createdAt, site.updatedAt);
    }
}
