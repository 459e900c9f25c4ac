package io.branchcast.controlplane.jobs;

import io.branchcast.controlplane.sites.SiteRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** JobRequest is the body of a job creation. Only artifactId and targets are required. */
public record JobRequest(
        @Size(max = 200, message = "name is at most 200 characters")
        String name,
        @NotNull(message = "artifactId is required")
        UUID artifactId,
        @NotNull(message = "targets are required: siteIds, labels and/or agentIds")
        @Valid
        JobTargets targets,
        Instant startAt,
        Instant deadline,
        @Min(value = -100, message = "priority is between -100 and 100")
        @Max(value = 100, message = "priority is between -100 and 100")
        Integer priority,
        @Positive(message = "wanCapBytesPerSecond must be positive")
        @Max(value = SiteRequest.MAX_WAN_BUDGET, message = "wanCapBytesPerSecond is above 100 Gbit/s; is the unit bytes per second?")
        Long wanCapBytesPerSecond,
        @PositiveOrZero(message = "seedingSeconds cannot be negative")
        @Max(value = JobRequest.MAX_SEEDING_SECONDS, message = "seedingSeconds is at most 30 days")
        Integer seedingSeconds,
        Boolean draft) {

    public static final int DEFAULT_SEEDING_SECONDS = 3600;
    public static final int MAX_SEEDING_SECONDS = 30 * 24 * 3600;
}
