package io.branchcast.agent.progress;

import io.branchcast.contracts.events.AgentEvent;
import io.branchcast.contracts.events.TargetState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(VertxExtension.class)
class ProgressReporterTest {

    private static final String JOB = "aaaaaaaa-0000-4000-8000-000000000001";

    @TempDir
    Path dir;

    private static JobReport downloading(long done) {
        return new JobReport(JOB, TargetState.DOWNLOADING, done, 1000, done, 0, null, null);
    }

    @Test
    void reports_state_changes_at_once_and_progress_every_2_s_or_5_percent(Vertx vertx) throws Exception {
        EventOutbox outbox = EventOutbox.open(dir.resolve("outbox"), 100);
        MutableClock clock = new MutableClock(1_000_000);
        ProgressReporter reporter = new ProgressReporter(vertx, "agent-1", outbox,
                SequenceFile.open(dir.resolve("seq")), clock);

        onContext(vertx, () -> {
            reporter.report(JobReport.of(JOB, TargetState.QUEUED));
            reporter.report(downloading(0));      // state change: sent
            reporter.report(downloading(10));     // 1 %, 0 s later: held back
            clock.advance(1000);
            reporter.report(downloading(40));     // 4 %, 1 s later: held back
            reporter.report(downloading(60));     // 6 % more than last sent: sent
            reporter.report(downloading(60));     // nothing changed: not sent
            clock.advance(2000);
            reporter.report(downloading(60));     // still nothing changed: not sent
            reporter.report(downloading(70));     // 2 s passed: sent
            reporter.report(new JobReport(JOB, TargetState.COMPLETED, 1000, 1000, 900, 100, null, null));
            reporter.report(new JobReport(JOB, TargetState.COMPLETED, 1000, 1000, 900, 100, null, null));
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.size() == 5);
        List<AgentEvent> events = outbox.oldest(10).stream().map(BufferedEvent::event).toList();
        assertThat(events).extracting(AgentEvent::state).containsExactly(TargetState.QUEUED,
                TargetState.DOWNLOADING, TargetState.DOWNLOADING, TargetState.DOWNLOADING, TargetState.COMPLETED);
        assertThat(events).extracting(AgentEvent::bytesDone).containsExactly(0L, 0L, 60L, 70L, 1000L);
        assertThat(events).extracting(AgentEvent::seq).isSorted().doesNotHaveDuplicates();
        assertThat(events.get(4).bytesFromOrigin()).isEqualTo(100);
        assertThat(events).allSatisfy(event -> assertThat(event.agentId()).isEqualTo("agent-1"));
    }

    static void onContext(Vertx vertx, Runnable action) throws Exception {
        Future.<Void>future(promise -> vertx.runOnContext(v -> {
            action.run();
            promise.complete();
        })).await(10, TimeUnit.SECONDS);
    }
}
