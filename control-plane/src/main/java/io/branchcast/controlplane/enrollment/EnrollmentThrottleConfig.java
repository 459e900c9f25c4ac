package io.branchcast.controlplane.enrollment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * EnrollmentThrottleConfig is the typed {@code branchcast.enrollment.throttle.*} configuration: how many enrollment
 * requests one client address may send, as a token bucket. docs/agents.md documents every key.
 */
@ConfigMapping(prefix = "branchcast.enrollment.throttle")
public interface EnrollmentThrottleConfig {

    /** Requests one address may send at once; generous, as a branch office's workstations may share one NAT address. */
    @WithDefault("120")
    int burst();

    /** Requests per second one address gets back, up to the burst. */
    @WithDefault("20")
    double perSecond();

    /** Addresses tracked at most; beyond it, addresses whose bucket is full again are forgotten first. */
    @WithDefault("100000")
    int maxAddresses();
}
