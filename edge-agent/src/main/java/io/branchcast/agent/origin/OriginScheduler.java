package io.branchcast.agent.origin;

import io.vertx.core.Future;

/**
 * OriginScheduler grants permission to fetch bytes from the WAN origin (later: the per-site WAN budget). Callers ask
 * before every origin request. It is not responsible for fetching, nor for deciding which pieces need the origin.
 */
public interface OriginScheduler {

    /** Completes, on the caller's context, when {@code bytes} may be fetched from the origin. */
    Future<Void> acquire(long bytes);
}
