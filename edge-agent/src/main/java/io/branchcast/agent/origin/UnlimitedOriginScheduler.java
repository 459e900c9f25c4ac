package io.branchcast.agent.origin;

import io.vertx.core.Future;

/** UnlimitedOriginScheduler grants every origin request at once: for deployments without a WAN budget, and tests. */
public final class UnlimitedOriginScheduler implements OriginScheduler {

    @Override
    public Future<Void> acquire(long bytes) {
        return Future.succeededFuture();
    }
}
