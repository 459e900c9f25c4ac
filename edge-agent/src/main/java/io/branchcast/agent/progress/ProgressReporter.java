package io.branchcast.agent.progress;

import io.branchcast.contracts.events.AgentEvent;
import io.branchcast.contracts.events.TargetState;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * ProgressReporter turns job observations into agent events: at most one event per job every 2 s, except that a new
 * state or 5 % more progress is reported at once, and nothing is reported when nothing changed. Events get increasing
 * sequence numbers ({@link SequenceFile}) and go to the {@link EventOutbox} in order, off the event loop. Call it on
 * one Vert.x context.
 */
public final class ProgressReporter {

    private static final System.Logger LOG = System.getLogger(ProgressReporter.class.getName());
    static final long MIN_INTERVAL_MS = 2000;
    static final double STEP = 0.05;

    private final Vertx vertx;
    private final String agentId;
    private final EventOutbox outbox;
    private final SequenceFile sequence;
    private final Clock clock;
    private final Map<String, JobReport> lastReported = new HashMap<>();
    private final Map<String, Long> lastReportedAt = new HashMap<>();

    public ProgressReporter(Vertx vertx, String agentId, EventOutbox outbox, SequenceFile sequence, Clock clock) {
        this.vertx = vertx;
        this.agentId = agentId;
        this.outbox = outbox;
        this.sequence = sequence;
        this.clock = clock;
    }

    /** Reports the job's current state if the rate limit allows it. */
    public void report(JobReport report) {
        long now = clock.millis();
        JobReport last = lastReported.get(report.jobId());
        if (last != null && !due(last, lastReportedAt.get(report.jobId()), report, now)) {
            return;
        }
        lastReported.put(report.jobId(), report);
        lastReportedAt.put(report.jobId(), now);
        vertx.executeBlocking(() -> {
            AgentEvent event = new AgentEvent(agentId, report.jobId(), sequence.next(), report.state(),
                    report.bytesDone(), report.bytesTotal(), report.bytesFromPeers(), report.bytesFromOrigin(),
                    report.errorCode(), truncate(report.errorMessage()), now);
            outbox.append(event);
            return null;
        }, true).onFailure(error -> LOG.log(System.Logger.Level.ERROR, "cannot buffer the {0} event of job {1}: {2};"
                + " the next change of the job is reported again", report.state(), report.jobId(), error.toString()));
    }

    /** Forgets a job that ended, so its rate-limit state does not linger. */
    public void forget(String jobId) {
        lastReported.remove(jobId);
        lastReportedAt.remove(jobId);
    }

    private static boolean due(JobReport last, long lastAt, JobReport next, long now) {
        if (last.state() != next.state()) {
            return true;
        }
        if (next.state() == TargetState.FAILED && !Objects.equals(last.errorCode(), next.errorCode())) {
            return true;
        }
        if (next.state().isTerminal() || !next.changedFrom(last)) {
            return false;
        }
        return now - lastAt >= MIN_INTERVAL_MS || next.fraction() - last.fraction() >= STEP;
    }

    private static String truncate(String message) {
        return message == null || message.length() <= AgentEvent.MAX_ERROR_MESSAGE ? message
                : message.substring(0, AgentEvent.MAX_ERROR_MESSAGE);
    }
}
