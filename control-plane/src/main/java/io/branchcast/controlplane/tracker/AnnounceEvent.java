package io.branchcast.controlplane.tracker;

import io.branchcast.controlplane.api.ApiException;

import java.util.Locale;

/** AnnounceEvent is the {@code event} of an announce, as in BitTorrent: none for the periodic one. */
public enum AnnounceEvent {
    NONE,
    STARTED,
    COMPLETED,
    STOPPED;

    /** Absent or empty is the periodic announce; anything but the three lower-case names is refused. */
    static AnnounceEvent parse(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        for (AnnounceEvent event : values()) {
            if (event != NONE && event.wireName().equals(text)) {
                return event;
            }
        }
        throw ApiException.invalid("event must be started, completed, stopped or empty");
    }

    String wireName() {
        return this == NONE ? "" : name().toLowerCase(Locale.ROOT);
    }
}
