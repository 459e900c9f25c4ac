package io.branchcast.controlplane.jobs;

import io.branchcast.contracts.events.TargetState;
import io.branchcast.controlplane.api.ApiException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * TargetSort is the order of a job's target rows: by host name, site name, state (in life-cycle order: queued first),
 * progress, bytes from peers or origin, or last update. Ties fall back to host name and agent id, so pages are stable.
 */
public enum TargetSort {
    HOST("a.hostname"),
    SITE("s.name"),
    STATE(lifeCycleOrder()),
    PROGRESS("CASE WHEN t.state = " + literal(TargetState.COMPLETED) + " THEN 1.0"
            + " WHEN t.bytesTotal IS NULL OR t.bytesTotal = 0 THEN 0.0"
            + " ELSE cast(t.bytesDone as double) / t.bytesTotal END"),
    PEERS("t.bytesFromPeers"),
    ORIGIN("t.bytesFromOrigin"),
    UPDATED("t.updatedAt");

    private final String expression;

    TargetSort(String expression) {
        this.expression = expression;
    }

    /** The JPQL ORDER BY clause over target {@code t}, agent {@code a} and site {@code s}. */
    String orderBy(boolean descending) {
        String direction = descending ? " DESC" : " ASC";
        return expression + direction + (this == HOST ? "" : ", a.hostname" + direction) + ", a.id" + direction;
    }

    /** {@code sort}: one of the lower-case names, default host. */
    static TargetSort parse(String text) {
        if (text == null || text.isEmpty()) {
            return HOST;
        }
        for (TargetSort sort : values()) {
            if (sort.name().toLowerCase(Locale.ROOT).equals(text)) {
                return sort;
            }
        }
        throw ApiException.invalid("sort must be one of " + Arrays.stream(values())
                .map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    /** {@code order}: asc (default) or desc. */
    static boolean descending(String order) {
        if (order == null || order.isEmpty() || order.equals("asc")) {
            return false;
        }
        if (order.equals("desc")) {
            return true;
        }
        throw ApiException.invalid("order must be asc or desc");
    }

    private static String lifeCycleOrder() {
        StringBuilder expression = new StringBuilder("CASE t.state");
        for (TargetState state : TargetState.values()) {
            expression.append(" WHEN ").append(literal(state)).append(" THEN ").append(state.ordinal());
        }
        return expression.append(" END").toString();
    }

    private static String literal(TargetState state) {
        return TargetState.class.getName() + "." + state.name();
    }
}
