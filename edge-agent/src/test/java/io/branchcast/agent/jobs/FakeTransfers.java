package io.branchcast.agent.jobs;

import io.branchcast.contracts.events.JobDesiredState;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** FakeTransfers starts transfers that do nothing until the test completes or fails them. */
final class FakeTransfers implements TransferFactory {

    final List<FakeTransfer> downloads = new CopyOnWriteArrayList<>();
    final List<FakeTransfer> seeds = new CopyOnWriteArrayList<>();
    /** What the next download start answers; by default a running transfer. */
    volatile Function<JobDesiredState, Future<Transfer>> nextDownload;

    @Override
    public Future<Transfer> download(JobDesiredState job, JobFiles files) {
        Function<JobDesiredState, Future<Transfer>> override = nextDownload;
        if (override != null) {
            nextDownload = null;
            return override.apply(job);
        }
        FakeTransfer transfer = new FakeTransfer(job.jobId(), files, job.sizeBytes());
        downloads.add(transfer);
        return Future.succeededFuture(transfer);
    }

    @Override
    public Future<Transfer> seed(JobDesiredState job, JobFiles files, Path file) {
        FakeTransfer transfer = new FakeTransfer(job.jobId(), files, job.sizeBytes());
        transfer.completion.complete(file);
        seeds.add(transfer);
        return Future.succeededFuture(transfer);
    }

    static final class FakeTransfer implements Transfer {
        final String jobId;
        final JobFiles files;
        final Promise<Path> completion = Promise.promise();
        volatile TransferStats stats;
        volatile boolean stopped;

        FakeTransfer(String jobId, JobFiles files, long size) {
            this.jobId = jobId;
            this.files = files;
            this.stats = new TransferStats(0, size, 0, 0, 0, 0, 0);
        }

        @Override
        public Future<Path> completion() {
            return completion.future();
        }

        @Override
        public TransferStats stats() {
            return stats;
        }

        @Override
        public Future<Void> stop() {
            stopped = true;
            completion.tryFail("stopped");
            return Future.succeededFuture();
        }
    }
}
