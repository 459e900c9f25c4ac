package io.branchcast.agent.progress;

import io.branchcast.contracts.events.AgentEvent;
import io.branchcast.contracts.events.TargetState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventOutboxTest {

    private static final String JOB_A = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String JOB_B = "bbbbbbbb-0000-4000-8000-000000000002";

    @TempDir
    Path dir;

    static AgentEvent event(String job, long seq, TargetState state) {
        return new AgentEvent("agent-1", job, seq, state, seq * 10, 1000, seq * 5, seq * 5, null, null, seq);
    }

    private static List<Long> seqs(EventOutbox outbox) throws IOException {
        return outbox.oldest(1000).stream().map(buffered -> buffered.event().seq()).toList();
    }

    @Test
    void events_survive_a_restart_in_order_until_removed() throws IOException {
        EventOutbox outbox = EventOutbox.open(dir, 100);
        for (long seq = 1; seq <= 12; seq++) {
            outbox.append(event(seq % 2 == 0 ? JOB_A : JOB_B, seq, TargetState.DOWNLOADING));
        }
        List<BufferedEvent> sent = outbox.oldest(5);
        outbox.remove(sent.stream().map(BufferedEvent::position).toList());
        Files.writeString(dir.resolve("00000000000000000099-P-" + JOB_A + ".json.tmp"), "{half");

        EventOutbox reopened = EventOutbox.open(dir, 100);

        assertThat(seqs(reopened)).containsExactly(6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(reopened.oldest(1).get(0).event()).isEqualTo(event(JOB_A, 6, TargetState.DOWNLOADING));
        reopened.append(event(JOB_A, 13, TargetState.COMPLETED));
        assertThat(seqs(EventOutbox.open(dir, 100))).endsWith(12L, 13L);
        try (var files = Files.list(dir)) {
            assertThat(files.filter(file -> file.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void when_full_only_superseded_progress_is_dropped_terminal_events_and_the_newest_per_job_stay()
            throws IOException {
        EventOutbox outbox = EventOutbox.open(dir, 6);
        outbox.append(event(JOB_A, 1, TargetState.QUEUED));
        outbox.append(event(JOB_A, 2, TargetState.DOWNLOADING));
        outbox.append(event(JOB_B, 3, TargetState.FAILED));
        outbox.append(event(JOB_B, 4, TargetState.QUEUED));
        outbox.append(event(JOB_A, 5, TargetState.DOWNLOADING));
        outbox.append(event(JOB_B, 6, TargetState.DOWNLOADING));

        outbox.append(event(JOB_A, 7, TargetState.DOWNLOADING));

        assertThat(seqs(outbox)).containsExactly(3L, 6L, 7L);
        assertThat(seqs(EventOutbox.open(dir, 6))).containsExactly(3L, 6L, 7L);
    }

    @Test
    void a_buffer_of_only_terminal_events_grows_past_its_bound_rather_than_lose_one() throws IOException {
        EventOutbox outbox = EventOutbox.open(dir, 2);
        outbox.append(event(JOB_A, 1, TargetState.COMPLETED));
        outbox.append(event(JOB_B, 2, TargetState.FAILED));
        outbox.append(event("cccccccc-0000-4000-8000-000000000003", 3, TargetState.CANCELLED));

        assertThat(seqs(outbox)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void sequence_numbers_keep_growing_across_restarts() throws IOException {
        Path file = dir.resolve("event-seq");
        SequenceFile first = SequenceFile.open(file);
        long a = first.next();
        long b = first.next();

        long afterRestart = SequenceFile.open(file).next();

        assertThat(b).isGreaterThan(a);
        assertThat(afterRestart).isGreaterThan(b);
        SequenceFile second = SequenceFile.open(file);
        long last = 0;
        for (int i = 0; i < SequenceFile.BLOCK + 5; i++) {
            last = second.next();
        }
        assertThat(SequenceFile.open(file).next()).isGreaterThan(last);
    }
}
