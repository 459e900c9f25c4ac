package io.branchcast.agent.jobs;

import io.branchcast.agent.progress.JobReport;
import io.branchcast.agent.progress.ProgressReporter;
import io.branchcast.contracts.events.AgentErrorCode;
import io.branchcast.contracts.events.JobDesiredState;
import io.branchcast.contracts.events.TargetState;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reconciler drives every job towards its desired state, level-triggered: each change of the desired state and each
 * tick (time passing: start times, deadlines, seeding periods, retries) re-evaluates the affected jobs from what is
 * desired ({@link JobDesiredState}), what the agent remembers ({@link JobRecord}) and what runs ({@link Transfer}).
 * Nothing is decided before the desired state has been read up to the end of the topic once
 * ({@link #applySnapshot}), so a job cancelled while the agent was down never resumes.
 *
 * <p>Decisions for a job that targets this agent: paused stops the transfer and keeps the data; before startAt it
 * waits, and {@link #JOIN_AHEAD_MS} before it joins the job's swarm (manifest fetched, store opened, peers connected)
 * without requesting anything, so that the rollout starts with its connections in place; past the deadline without
 * completion it fails with deadline-exceeded; otherwise it downloads, then seeds for seedingSeconds after completion.
 * A record with an older revision than the one acted on is ignored; a failed job is tried again only for a newer
 * revision. A job that ends (tombstone) or stops targeting the agent is stopped and its files are deleted, except the
 * installed payload of a completed job.
 *
 * <p>Threads: create it and call it on one Vert.x context; transfer callbacks are brought back to that context.
 */
public final class Reconciler {

    private static final System.Logger LOG = System.getLogger(Reconciler.class.getName());
    private static final long FIRST_RETRY_MS = 5_000;
    private static final long MAX_RETRY_MS = 300_000;
    /** How long before a job's start time the agent joins its swarm; the job stays QUEUED until the start. */
    static final long JOIN_AHEAD_MS = 30_000;

    private final Vertx vertx;
    private final Context context;
    private final AgentIdentity self;
    private final Path dataDir;
    private final JobRecords store;
    private final TransferFactory transfers;
    private final ProgressReporter reporter;
    private final Clock clock;
    private final Map<String, JobDesiredState> desired = new HashMap<>();
    private final Map<String, JobRecord> records;
    private final Map<String, Running> running = new HashMap<>();
    private final Map<String, Retry> retries = new HashMap<>();
    private final Map<String, TransferStats> lastStats = new HashMap<>();
    private boolean caughtUp;

    public Reconciler(Vertx vertx, AgentIdentity self, Path dataDir, JobRecords store, Map<String, JobRecord> records,
                      TransferFactory transfers, ProgressReporter reporter, Clock clock) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.self = self;
        this.dataDir = dataDir;
        this.store = store;
        this.records = new HashMap<>(records);
        this.transfers = transfers;
        this.reporter = reporter;
        this.clock = clock;
    }

    /** The whole desired state as read from the beginning of the topic to its end at start-up. */
    public void applySnapshot(Map<String, JobDesiredState> states) {
        states.forEach(this::remember);
        caughtUp = true;
        LOG.log(System.Logger.Level.INFO, "desired state read: {0} active jobs, {1} known locally", desired.size(),
                records.size());
        reconcileAll();
    }

    /** One record of the desired-state topic; null is a tombstone (the job ended). */
    public void apply(String jobId, JobDesiredState state) {
        if (state == null) {
            desired.remove(jobId);
        } else if (!remember(jobId, state)) {
            return;
        }
        if (caughtUp) {
            reconcile(jobId);
        }
    }

    /** Re-evaluates every job; called periodically so that time-based decisions happen and progress is reported. */
    public void reconcileAll() {
        if (!caughtUp) {
            return;
        }
        Set<String> jobs = new TreeSet<>(desired.keySet());
        jobs.addAll(records.keySet());
        jobs.addAll(running.keySet());
        jobs.forEach(this::reconcile);
    }

    public List<JobSnapshot> snapshot() {
        List<JobSnapshot> snapshots = new ArrayList<>();
        for (String jobId : new TreeSet<>(records.keySet())) {
            JobRecord record = records.get(jobId);
            JobDesiredState state = desired.get(jobId);
            Running run = running.get(jobId);
            snapshots.add(new JobSnapshot(jobId, state == null ? null : state.artifactId(), record.state(),
                    stats(jobId), run != null && run.seeding, record.errorCode() == null ? null
                            : record.errorCode() + ": " + record.errorMessage()));
        }
        return snapshots;
    }

    /** Stops every transfer (shutdown); data and records stay for the next start. */
    public Future<Void> stopAll() {
        List<Future<Void>> stops = new ArrayList<>();
        for (String jobId : new ArrayList<>(running.keySet())) {
            stops.add(stopTransfer(jobId));
        }
        return Future.join(stops).mapEmpty();
    }

    /** Keeps a desired state unless it is older than what the agent already acted on; true if kept. */
    private boolean remember(String jobId, JobDesiredState state) {
        JobDesiredState known = desired.get(jobId);
        JobRecord record = records.get(jobId);
        long newest = Math.max(known == null ? -1 : known.revision(), record == null ? -1 : record.revision());
        if (state.revision() < newest) {
            LOG.log(System.Logger.Level.DEBUG, "job {0}: ignoring revision {1}, already at {2}", jobId,
                    state.revision(), newest);
            return false;
        }
        desired.put(jobId, state);
        return true;
    }

    private void reconcile(String jobId) {
        JobDesiredState state = desired.get(jobId);
        if (state == null || !state.targets(self.agentId(), self.siteId(), self.labels())) {
            if (records.containsKey(jobId) || running.containsKey(jobId)) {
                end(jobId, state == null ? "the job ended" : "the job no longer targets this agent");
            }
            return;
        }
        JobRecord record = records.get(jobId);
        if (record == null || (record.state() == TargetState.FAILED && state.revision() > record.revision())) {
            retries.remove(jobId);
            record = save(JobRecord.queued(jobId, state.revision()));
            report(record);
        } else if (state.revision() > record.revision()) {
            record = save(record.withRevision(state.revision()));
        }
        long now = clock.millis();
        switch (record.state()) {
            case COMPLETED -> keepSeeding(jobId, state, record, now);
            case FAILED, CANCELLED -> stopTransfer(jobId);
            default -> download(jobId, state, record, now);
        }
    }

    private void download(String jobId, JobDesiredState state, JobRecord record, long now) {
        if (state.paused()) {
            if (running.containsKey(jobId)) {
                LOG.log(System.Logger.Level.INFO, "job {0} paused: downloading stops, the data is kept", jobId);
                stopTransfer(jobId);
            }
            transition(jobId, record, TargetState.QUEUED);
        } else if (now < state.startAt()) {
            JobRecord queued = transition(jobId, record, TargetState.QUEUED);
            if (now >= state.startAt() - JOIN_AHEAD_MS && !running.containsKey(jobId) && retryDue(jobId, now)) {
                startDownload(jobId, state, queued);
            }
        } else if (state.deadline() > 0 && now >= state.deadline()) {
            stopTransfer(jobId);
            fail(jobId, AgentErrorCode.DEADLINE_EXCEEDED, "the deadline " + Instant.ofEpochMilli(state.deadline())
                    + " passed before the download completed");
        } else if (running.containsKey(jobId)) {
            JobRecord downloading = transition(jobId, record, TargetState.DOWNLOADING);
            if (downloading == record) {
                reportProgress(jobId, record);
            }
        } else if (retryDue(jobId, now)) {
            startDownload(jobId, state, transition(jobId, record, TargetState.DOWNLOADING));
        }
    }

    /** True unless a failed attempt of the job waits for its backoff to pass. */
    private boolean retryDue(String jobId, long now) {
        return retries.getOrDefault(jobId, Retry.NONE).at() <= now;
    }

    private void startDownload(String jobId, JobDesiredState state, JobRecord record) {
        Running run = new Running(false);
        running.put(jobId, run);
        if (clock.millis() < state.startAt()) {
            LOG.log(System.Logger.Level.INFO, "job {0}: joining the swarm of artifact {1} (revision {2}); downloading "
                    + "starts at {3}", jobId, state.artifactId(), record.revision(), Instant.ofEpochMilli(state.startAt()));
        } else {
            LOG.log(System.Logger.Level.INFO, "job {0}: downloading artifact {1} (revision {2})", jobId,
                    state.artifactId(), record.revision());
        }
        onContext(transfers.download(state, JobFiles.of(dataDir, jobId)), started -> {
            if (!attach(jobId, run, started)) {
                return;
            }
            onContext(run.transfer.completion(), done -> {
                if (running.get(jobId) != run) {
                    return;
                }
                if (done.succeeded()) {
                    completed(jobId, run, done.result());
                } else {
                    failed(jobId, done.cause());
                }
            });
        });
    }

    private void keepSeeding(String jobId, JobDesiredState state, JobRecord record, long now) {
        long seedUntil = record.completedAt() + state.seedingSeconds() * 1000;
        if (state.paused() || now >= seedUntil) {
            if (running.containsKey(jobId)) {
                LOG.log(System.Logger.Level.INFO, "job {0}: {1}; seeding stops, the payload stays at {2}", jobId,
                        state.paused() ? "paused" : "seeding period over", record.file());
                stopTransfer(jobId);
            }
            return;
        }
        if (running.containsKey(jobId) || !retryDue(jobId, now)) {
            return;
        }
        Path file = Path.of(record.file());
        if (!Files.exists(file)) {
            LOG.log(System.Logger.Level.WARNING, "job {0}: the installed payload {1} is gone; not seeding it", jobId,
                    file);
            return;
        }
        Running run = new Running(true);
        running.put(jobId, run);
        LOG.log(System.Logger.Level.INFO, "job {0}: seeding {1} until {2}", jobId, file, Instant.ofEpochMilli(seedUntil));
        onContext(transfers.seed(state, JobFiles.of(dataDir, jobId), file), started -> attach(jobId, run, started));
    }

    /** Binds a started transfer to its run; false if the run was stopped meanwhile or the start failed. */
    private boolean attach(String jobId, Running run, AsyncResult<Transfer> started) {
        if (started.failed()) {
            if (running.get(jobId) == run) {
                failed(jobId, started.cause());
            }
            return false;
        }
        if (running.get(jobId) != run) {
            started.result().stop();
            return false;
        }
        run.transfer = started.result();
        return true;
    }

    private void completed(String jobId, Running run, Path file) {
        run.seeding = true;
        retries.remove(jobId);
        lastStats.put(jobId, run.transfer.stats());
        JobRecord record = save(records.get(jobId).completed(file.toString(), clock.millis()));
        LOG.log(System.Logger.Level.INFO, "job {0}: completed, payload at {1}", jobId, file);
        report(record);
        reconcile(jobId);
    }

    private void failed(String jobId, Throwable error) {
        stopTransfer(jobId);
        if (error instanceof JobFailure failure) {
            fail(jobId, failure.code(), failure.getMessage());
            return;
        }
        Retry retry = retries.getOrDefault(jobId, Retry.NONE).next(clock.millis());
        retries.put(jobId, retry);
        LOG.log(System.Logger.Level.WARNING, "job {0}: transfer failed: {1}; retrying in {2} s (failure {3} in a row)",
                jobId, error.toString(), retry.delayMs() / 1000, retry.attempts());
    }

    private void fail(String jobId, AgentErrorCode code, String message) {
        JobRecord record = records.get(jobId);
        if (record.state() == TargetState.FAILED) {
            return;
        }
        LOG.log(System.Logger.Level.ERROR, "job {0} failed ({1}): {2}; giving up on this revision of the job", jobId,
                code.code(), message);
        report(save(record.failed(code.code(), message)));
    }

    /** The job ended or stopped targeting the agent: stop, delete its files (not a completed payload), forget it. */
    private void end(String jobId, String why) {
        JobRecord record = records.remove(jobId);
        retries.remove(jobId);
        lastStats.remove(jobId);
        boolean keepPayload = record != null && record.state() == TargetState.COMPLETED;
        LOG.log(System.Logger.Level.INFO, "job {0}: {1}; stopping and deleting its {2}", jobId, why,
                keepPayload ? "partial data (the completed payload stays at " + record.file() + ")" : "files");
        if (record != null && !record.state().isTerminal()) {
            reporter.report(JobReport.of(jobId, TargetState.CANCELLED));
        }
        JobFiles files = JobFiles.of(dataDir, jobId);
        stopTransfer(jobId).onComplete(stopped -> vertx.executeBlocking(() -> {
            if (keepPayload) {
                files.deletePartial();
            } else {
                files.delete();
            }
            store.delete(jobId);
            return null;
        }, true).onFailure(error -> LOG.log(System.Logger.Level.ERROR, "job {0}: cannot delete {1}: {2}; delete it"
                + " by hand", jobId, files.dir(), error.toString())));
        reporter.forget(jobId);
    }

    private Future<Void> stopTransfer(String jobId) {
        Running run = running.remove(jobId);
        if (run == null || run.transfer == null) {
            return Future.succeededFuture();
        }
        lastStats.put(jobId, run.transfer.stats());
        return run.transfer.stop().onFailure(error -> LOG.log(System.Logger.Level.WARNING,
                "job {0}: stopping the transfer failed: {1}", jobId, error.toString()));
    }

    private JobRecord transition(String jobId, JobRecord record, TargetState state) {
        if (record.state() == state) {
            return record;
        }
        JobRecord changed = save(record.withState(state));
        report(changed);
        return changed;
    }

    private JobRecord save(JobRecord record) {
        records.put(record.jobId(), record);
        vertx.executeBlocking(() -> {
            store.save(record);
            return null;
        }, true).onFailure(error -> LOG.log(System.Logger.Level.ERROR, "job {0}: cannot save its state: {1}; after a"
                + " restart the agent may repeat work for it", record.jobId(), error.toString()));
        return record;
    }

    private void report(JobRecord record) {
        TransferStats stats = stats(record.jobId());
        reporter.report(new JobReport(record.jobId(), record.state(), stats.bytesDone(), stats.bytesTotal(),
                stats.bytesFromPeers(), stats.bytesFromOrigin(), record.errorCode(), record.errorMessage()));
    }

    private void reportProgress(String jobId, JobRecord record) {
        if (record.state() == TargetState.DOWNLOADING) {
            report(record);
        }
    }

    private TransferStats stats(String jobId) {
        Running run = running.get(jobId);
        if (run != null && run.transfer != null) {
            return run.transfer.stats();
        }
        TransferStats last = lastStats.get(jobId);
        if (last != null) {
            return last;
        }
        JobDesiredState state = desired.get(jobId);
        return state == null ? TransferStats.NONE
                : new TransferStats(0, state.sizeBytes(), 0, 0, 0, 0, 0);
    }

    private <T> void onContext(Future<T> future, Handler<AsyncResult<T>> handler) {
        future.onComplete(result -> context.runOnContext(v -> handler.handle(result)));
    }

    /** A transfer being started (transfer null) or running. */
    private static final class Running {
        private Transfer transfer;
        private boolean seeding;

        private Running(boolean seeding) {
            this.seeding = seeding;
        }
    }

    /** Backoff of a job's transient failures: 5 s doubling to 5 min. */
    private record Retry(int attempts, long at, long delayMs) {
        static final Retry NONE = new Retry(0, 0, 0);

        Retry next(long now) {
            long delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS << Math.min(attempts, 10));
            return new Retry(attempts + 1, now + delay, delay);
        }
    }
}
