package io.branchcast.agent.jobs;

import io.branchcast.agent.jobs.FakeTransfers.FakeTransfer;
import io.branchcast.agent.progress.BufferedEvent;
import io.branchcast.agent.progress.EventOutbox;
import io.branchcast.agent.progress.MutableClock;
import io.branchcast.agent.progress.ProgressReporter;
import io.branchcast.agent.progress.SequenceFile;
import io.branchcast.contracts.events.AgentErrorCode;
import io.branchcast.contracts.events.AgentEvent;
import io.branchcast.contracts.events.JobDesiredState;
import io.branchcast.contracts.events.TargetState;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(VertxExtension.class)
class ReconcilerTest {

    private static final AgentIdentity SELF = new AgentIdentity("agent-1", "site-1", List.of("lab"));
    private static final String JOB = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String OTHER = "bbbbbbbb-0000-4000-8000-000000000002";
    private static final long T0 = 1_800_000_000_000L;

    @TempDir
    Path dir;

    private Vertx vertx;
    /** The reconciler's context: every call goes through it, as the daemon's do. */
    private Context context;
    private final MutableClock clock = new MutableClock(T0);
    private final FakeTransfers transfers = new FakeTransfers();
    private EventOutbox outbox;
    private SequenceFile sequence;
    private Reconciler reconciler;

    @BeforeEach
    void setUp(Vertx vertx) throws Exception {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        outbox = EventOutbox.open(dir.resolve("outbox"), 1000);
        sequence = SequenceFile.open(dir.resolve("seq"));
        reconciler = newReconciler();
    }

    private Reconciler newReconciler() throws Exception {
        JobRecords store = new JobRecords(dir.resolve("jobs"));
        Map<String, JobRecord> records = store.loadAll();
        return call(() -> new Reconciler(vertx, SELF, dir.resolve("data"), store, records, transfers,
                new ProgressReporter(vertx, SELF.agentId(), outbox, sequence, clock), clock));
    }

    private static JobDesiredState job(String id, long revision) {
        return new Desired(id, revision).build();
    }

    /** Builds desired states that target site-1 unless told otherwise. */
    private record Desired(String id, long revision, List<String> sites, long startAt, long deadline, long seeding,
                           boolean paused) {
        Desired(String id, long revision) {
            this(id, revision, List.of("site-1"), 0, 0, 60, false);
        }

        Desired sites(String... siteIds) {
            return new Desired(id, revision, List.of(siteIds), startAt, deadline, seeding, paused);
        }

        Desired startAt(long at) {
            return new Desired(id, revision, sites, at, deadline, seeding, paused);
        }

        Desired deadline(long at) {
            return new Desired(id, revision, sites, startAt, at, seeding, paused);
        }

        Desired pause() {
            return new Desired(id, revision, sites, startAt, deadline, seeding, true);
        }

        JobDesiredState build() {
            return new JobDesiredState(id, revision, "artifact-1", "http://cp/manifest", "http://cp/content", 1000,
                    sites, List.of(), List.of(), startAt, deadline, 0, 0, seeding, paused);
        }
    }

    private <T> T call(java.util.concurrent.Callable<T> action) throws Exception {
        return Future.<T>future(promise -> context.runOnContext(v -> {
            try {
                promise.complete(action.call());
            } catch (Exception e) {
                promise.fail(e);
            }
        })).await(10, TimeUnit.SECONDS);
    }

    private void run(Consumer<Reconciler> action) throws Exception {
        call(() -> {
            action.accept(reconciler);
            return null;
        });
    }

    private List<AgentEvent> events() throws IOException {
        return outbox.oldest(1000).stream().map(BufferedEvent::event).toList();
    }

    private List<TargetState> states(String jobId) throws IOException {
        return events().stream().filter(event -> event.jobId().equals(jobId)).map(AgentEvent::state).toList();
    }

    private void awaitStates(String jobId, TargetState... expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(states(jobId)).containsExactly(expected));
    }

    private FakeTransfer awaitDownloads(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> transfers.downloads.size() == count);
        return transfers.downloads.get(count - 1);
    }

    private JobRecord storedRecord(String jobId) throws IOException {
        return new JobRecords(dir.resolve("jobs")).loadAll().get(jobId);
    }

    @Test
    void starts_nothing_before_the_topic_was_read_then_only_jobs_that_target_the_agent() throws Exception {
        run(r -> r.apply(JOB, job(JOB, 1)));
        assertThat(transfers.downloads).isEmpty();

        run(r -> r.applySnapshot(Map.of(JOB, job(JOB, 1), OTHER, new Desired(OTHER, 1).sites("site-2").build())));

        FakeTransfer download = awaitDownloads(1);
        assertThat(download.jobId).isEqualTo(JOB);
        awaitStates(JOB, TargetState.QUEUED, TargetState.DOWNLOADING);
        assertThat(states(OTHER)).isEmpty();
        await().untilAsserted(() -> assertThat(storedRecord(JOB).state()).isEqualTo(TargetState.DOWNLOADING));
    }

    @Test
    void waits_for_the_start_time_joining_the_swarm_shortly_before() throws Exception {
        run(r -> r.applySnapshot(Map.of(JOB, new Desired(JOB, 1).startAt(T0 + 60_000).build())));
        run(Reconciler::reconcileAll);
        awaitStates(JOB, TargetState.QUEUED);
        assertThat(transfers.downloads).isEmpty();

        clock.advance(60_000 - Reconciler.JOIN_AHEAD_MS);
        run(Reconciler::reconcileAll);
        awaitDownloads(1);
        assertThat(states(JOB)).as("still queued: the transfer requests nothing before the start")
                .containsExactly(TargetState.QUEUED);

        clock.advance(Reconciler.JOIN_AHEAD_MS);
        run(Reconciler::reconcileAll);

        awaitStates(JOB, TargetState.QUEUED, TargetState.DOWNLOADING);
        assertThat(transfers.downloads).as("the transfer that joined ahead goes on").hasSize(1);
    }

    @Test
    void a_passed_deadline_stops_the_download_and_fails_the_job() throws Exception {
        run(r -> r.applySnapshot(Map.of(JOB, new Desired(JOB, 1).deadline(T0 + 10_000).build())));
        FakeTransfer download = awaitDownloads(1);

        clock.advance(10_000);
        run(Reconciler::reconcileAll);

        await().until(() -> download.stopped);
        awaitStates(JOB, TargetState.QUEUED, TargetState.DOWNLOADING, TargetState.FAILED);
        assertThat(events().get(events().size() - 1).errorCode()).isEqualTo(AgentErrorCode.DEADLINE_EXCEEDED.code());
        run(Reconciler::reconcileAll);
        assertThat(transfers.downloads).hasSize(1);
        await().untilAsserted(() -> assertThat(storedRecord(JOB).state()).isEqualTo(TargetState.FAILED));
    }

    @Test
    void paused_stops_downloading_keeps_the_data_and_resumes_when_unpaused() throws Exception {
        run(r -> r.applySnapshot(Map.of(JOB, job(JOB, 1))));
        FakeTransfer first = awaitDownloads(1);
        Path partial = first.files.staging().resolve("data.part");
        Files.createDirectories(partial.getParent());
        Files.writeString(partial, "half");

        run(r -> r.apply(JOB, new Desired(JOB, 2).pause().build()));

        await().until(() -> first.stopped);
        assertThat(partial).exists();
        awaitStates(JOB, TargetState.QUEUED, TargetState.DOWNLOADING, TargetState.QUEUED);

        run(r -> r.apply(JOB, job(JOB, 3)));
        awaitDownloads(2);
        awaitStates(JOB, TargetState.QUEUED, TargetState.DOWNLOADING, TargetState.QUEUED, TargetState.DOWNLOADING);
    }

    @Test
    void a_stale_revision_is_ignored() throws Exception {
        run(r -> r.applySnapshot(Map.of(JOB, job(JOB, 5))));
        FakeTransfer download = awaitDownloads(1);

        awaitStates(JOB, TargetState.QUEUED, TargetState.DOWNLOADING);

        run(r -> r.apply(JOB, new Desired(JOB, 4).pause().build()));
        run(Reconciler::reconcileAll);

        assertThat(download.stopped).isFalse();
        run(r -> r.apply(JOB, null));      // a marker event: nothing was reported between
        awaitStates(JOB, TargetState.QUEUED, TargetState.DOWNLOADING, TargetState.CANCELLED);
    }

    @Test
    void a_tombstone_stops_the_job_deletes_its_files_and_reports_it_cancelled() throws Exception {
        run(r -> r.applySnapshot(Map.of(JOB, job(JOB, 1))));
        FakeTransfer download = awaitDownloads(1);
        Path partial = download.files.staging().resolve("data.part");
        Files.createDirectories(partial.getParent());
        Files.writeString(partial, "half");

        run(r -> r.apply(JOB, null));

        await().until(() -> download.stopped);
        awaitStates(JOB, TargetState.QUEUED, TargetState.DOWNLOADING, TargetState.CANCELLED);
        await().until(() -> !Files.exists(download.files.dir()));
        await().until(() -> storedRecord(JOB) == null);
        run(Reconciler::reconcileAll);
        assertThat(transfers.downloads).hasSize(1);
    }

    @Test
    void a_job_that_stops_targeting_the_agent_is_cleaned_up_like_a_cancelled_one() throws Exception {
        run(r -> r.applySnapshot(Map.of(JOB, job(JOB, 1))));
        FakeTransfer download = awaitDownloads(1);

        run(r -> r.apply(JOB, new Desired(JOB, 2).sites("site-2").build()));

        await().until(() -> download.stopped);
        awaitStates(JOB, TargetState.QUEUED, TargetState.DOWNLOADING, TargetState.CANCELLED);
    }

    @Test
    void a_job_gone_while_the_agent_was_down_is_cleaned_up_at_start() throws Exception {
        new JobRecords(dir.resolve("jobs")).save(JobRecord.queued(JOB, 1).withState(TargetState.DOWNLOADING));
        Path partial = JobFiles.of(dir.resolve("data"), JOB).staging().resolve("data.part");
        Files.createDirectories(partial.getParent());
        Files.writeString(partial, "half");
        reconciler = newReconciler();

        run(r -> r.applySnapshot(Map.of()));

        awaitStates(JOB, TargetState.CANCELLED);
        await().until(() -> !Files.exists(partial.getParent().getParent()));
        assertThat(transfers.downloads).isEmpty();
    }

    @Test
    void a_completed_job_seeds_for_its_period_and_is_not_downloaded_again_after_a_restart() throws Exception {
        run(r -> r.applySnapshot(Map.of(JOB, job(JOB, 1))));
        FakeTransfer download = awaitDownloads(1);
        Path payload = download.files.target("payload.bin");
        Files.createDirectories(payload.getParent());
        Files.writeString(payload, "complete");
        download.stats = new TransferStats(1000, 1000, 700, 300, 2, 0, 0);

        download.completion.complete(payload);

        awaitStates(JOB, TargetState.QUEUED, TargetState.DOWNLOADING, TargetState.COMPLETED);
        AgentEvent completed = events().get(events().size() - 1);
        assertThat(completed.bytesFromPeers()).isEqualTo(700);
        assertThat(completed.bytesFromOrigin()).isEqualTo(300);
        clock.advance(30_000);
        run(Reconciler::reconcileAll);
        assertThat(download.stopped).isFalse();

        reconciler = newReconciler();                      // restart within the seeding period
        run(r -> r.applySnapshot(Map.of(JOB, job(JOB, 1))));
        await().until(() -> transfers.seeds.size() == 1);
        assertThat(transfers.downloads).hasSize(1);

        clock.advance(30_000);                             // seeding period (60 s) over
        run(Reconciler::reconcileAll);
        await().until(() -> transfers.seeds.get(0).stopped);

        run(r -> r.apply(JOB, null));                      // the job ends: the payload stays
        await().until(() -> storedRecord(JOB) == null);
        assertThat(payload).exists();
        assertThat(states(JOB)).containsExactly(TargetState.QUEUED, TargetState.DOWNLOADING, TargetState.COMPLETED);
    }

    @Test
    void a_job_failure_fails_this_revision_and_a_newer_revision_tries_again() throws Exception {
        transfers.nextDownload = job -> Future.failedFuture(new JobFailure(AgentErrorCode.MANIFEST_SIGNATURE_INVALID,
                "manifest signature does not match"));
        run(r -> r.applySnapshot(Map.of(JOB, job(JOB, 1))));

        awaitStates(JOB, TargetState.QUEUED, TargetState.DOWNLOADING, TargetState.FAILED);
        AgentEvent failed = events().get(events().size() - 1);
        assertThat(failed.errorCode()).isEqualTo("manifest-signature-invalid");
        assertThat(failed.errorMessage()).contains("does not match");
        clock.advance(600_000);
        run(Reconciler::reconcileAll);
        assertThat(transfers.downloads).isEmpty();

        run(r -> r.apply(JOB, job(JOB, 2)));
        awaitDownloads(1);
    }

    @Test
    void a_transient_failure_is_retried_after_a_backoff() throws Exception {
        run(r -> r.applySnapshot(Map.of(JOB, job(JOB, 1))));
        FakeTransfer first = awaitDownloads(1);

        first.completion.fail(new IOException("connection reset"));
        await().until(() -> first.stopped);
        run(Reconciler::reconcileAll);
        assertThat(transfers.downloads).hasSize(1);

        clock.advance(5_000);
        run(Reconciler::reconcileAll);
        awaitDownloads(2);
        assertThat(states(JOB)).doesNotContain(TargetState.FAILED);
    }

    @Test
    void the_snapshot_lists_jobs_with_their_progress() throws Exception {
        run(r -> r.applySnapshot(Map.of(JOB, job(JOB, 1))));
        FakeTransfer download = awaitDownloads(1);
        download.stats = new TransferStats(400, 1000, 300, 100, 3, 2048, 1024);

        List<JobSnapshot> snapshot = call(reconciler::snapshot);

        assertThat(snapshot).singleElement().satisfies(job -> {
            assertThat(job.jobId()).isEqualTo(JOB);
            assertThat(job.artifactId()).isEqualTo("artifact-1");
            assertThat(job.state()).isEqualTo(TargetState.DOWNLOADING);
            assertThat(job.stats().peers()).isEqualTo(3);
        });
    }
}
