package io.branchcast.controlplane.sites;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * TransferWindow is a weekly period in the site's local time during which origin (WAN) transfers may run, e.g.
 * weekdays 19:00-06:00. A window whose end is before its start runs past midnight.
 */
public record TransferWindow(@NotEmpty(message = "name at least one day") Set<DayOfWeek> days,
                             @NotNull(message = "start is required (HH:MM)") LocalTime start,
                             @NotNull(message = "end is required (HH:MM)") LocalTime end) {
}
