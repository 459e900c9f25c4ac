package io.branchcast.controlplane.jobs;

import io.branchcast.contracts.events.TargetState;
import io.branchcast.controlplane.api.ApiException;

import java.util.UUID;

/** TargetFilter selects a job's target rows: by state, by the agent's site, by a part of its host name. All optional. */
public record TargetFilter(TargetState state, UUID siteId, String host) {

    /** Host names are at most 253 characters, so a longer search can match nothing. */
    public static final int MAX_HOST_LENGTH = 253;

    public TargetFilter {
        if (host != null && host.isBlank()) {
            host = null;
        }
        if (host != null && host.length() > MAX_HOST_LENGTH) {
            throw ApiException.invalid("host must be at most " + MAX_HOST_LENGTH + " characters");
        }
    }
}
