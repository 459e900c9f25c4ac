package io.branchcast.controlplane.jobs;

import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.ErrorCode;

import java.time.Duration;

/** DeliveryWindow is a period the dashboard sums delivered bytes over: the last day or the last week. */
public enum DeliveryWindow {
    DAY("24h", Duration.ofHours(24)),
    WEEK("7d", Duration.ofDays(7));

    private final String name;
    private final Duration length;

    DeliveryWindow(String name, Duration length) {
        this.name = name;
        this.length = length;
    }

    public String label() {
        return name;
    }

    public Duration length() {
        return length;
    }

    /** The window named by the query parameter ({@code 24h} when absent). */
    public static DeliveryWindow parse(String text) {
        if (text == null || text.isBlank()) {
            return DAY;
        }
        for (DeliveryWindow window : values()) {
            if (window.name.equals(text)) {
                return window;
            }
        }
        throw new ApiException(ErrorCode.INVALID, "window must be 24h or 7d, not '" + text + "'");
    }
}
