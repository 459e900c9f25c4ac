package io.branchcast.controlplane.tracker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;

/** TrackerConfig is the typed {@code branchcast.tracker.*} configuration; docs/agents.md documents every key. */
@ConfigMapping(prefix = "branchcast.tracker")
public interface TrackerConfig {

    /** How often agents announce; every answer tells them (in whole seconds). Checked at startup. */
    @WithDefault("30s")
    @DurationMin(seconds = 1)
    @DurationMax(hours = 1)
    Duration interval();

    /** A peer that has not announced for three intervals is gone (missed two announces in a row, and then some). */
    default Duration expiry() {
        return interval().multipliedBy(3);
    }
}
