package io.branchcast.controlplane.jobs;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * JobTargets selects the agents of a job: every listed agent, plus the agents that are in one of the sites (any site
 * when none is listed) and carry every listed label, provided sites or labels are listed at all.
 */
public record JobTargets(
        @Size(max = 1000, message = "at most 1000 sites") List<@NotNull UUID> siteIds,
        @Size(max = 50, message = "at most 50 labels")
        List<@NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:/-]{0,62}", message = "a label is 1-63 letters, digits or ._:/-") String> labels,
        @Size(max = 10000, message = "at most 10000 agents by id") List<@NotNull UUID> agentIds) {

    public JobTargets {
        siteIds = siteIds == null ? List.of() : List.copyOf(siteIds);
        labels = labels == null ? List.of() : List.copyOf(labels);
        agentIds = agentIds == null ? List.of() : List.copyOf(agentIds);
    }

    public boolean isEmpty() {
        return siteIds.isEmpty() && labels.isEmpty() && agentIds.isEmpty();
    }
}
