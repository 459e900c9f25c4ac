package io.branchcast.agent.jobs;

import io.vertx.core.Future;

import java.nio.file.Path;

/** Transfer is one job's running download or seeding, as the {@link Reconciler} sees it. */
public interface Transfer {

    /**
     * Succeeds with the installed file when the download completed (at once when seeding); fails with a
     * {@link JobFailure} when retrying cannot help, with any other exception when it may. The transfer keeps seeding
     * after completion until stopped.
     */
    Future<Path> completion();

    /** The latest counters; never null. */
    TransferStats stats();

    /** Stops downloading and seeding; data on disk stays (partial data resumes on the next start). */
    Future<Void> stop();
}
