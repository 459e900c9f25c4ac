package io.branchcast.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchcast.contracts.events.AgentEvent;
import io.branchcast.contracts.events.TargetState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The broker goes away for 30 s in the middle of a job: agents keep going, buffer their events, and lose none. */
class KafkaOutageTest {

    private static final long SIZE = 24L << 20;
    /** Origin cap for the job: one copy takes about 48 s, so the job is still running when the broker stops. */
    private static final long WAN_CAP = 512L << 10;
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void aThirtySecondBrokerOutageMidJobLosesNoProgressEventAndTheJobCompletes() throws Exception {
        try (Office office = Office.open("Outage office", 2)) {
            JsonNode artifact = Payloads.upload("outage.img", SIZE, 3);
            String jobId = Jobs.forSite(artifact, office.siteId, Map.of("wanCapBytesPerSecond", WAN_CAP));
            Jobs.awaitTargets(jobId, Duration.ofMinutes(1),
                    t -> "DOWNLOADING".equals(t.path("state").asText()) && t.path("bytesDone").asLong() > 0);

            SystemUnderTest.get().sandbox.servers().stopKafka();
            try {
                Thread.sleep(OUTAGE.toMillis()); // the outage itself is the scenario, not a wait for a condition
            } finally {
                SystemUnderTest.get().sandbox.servers().startKafka();
            }

            Jobs.awaitState(jobId, "COMPLETED", Duration.ofMinutes(3));
            Map<String, List<AgentEvent>> byAgent = AgentEventLog.ofJob(jobId).stream()
                    .collect(Collectors.groupingBy(AgentEvent::agentId));
            assertThat(byAgent.keySet()).containsExactlyInAnyOrderElementsOf(office.agentIds());
            byAgent.forEach((agentId, events) -> {
                List<Long> seqs = events.stream().map(AgentEvent::seq).sorted().distinct().toList();
                long first = seqs.get(0);
                assertThat(seqs).as("sequence numbers of agent %s", agentId)
                        .containsExactlyElementsOf(LongStream.rangeClosed(first, first + seqs.size() - 1).boxed().toList());
                AgentEvent last = events.stream().max((a, b) -> Long.compare(a.seq(), b.seq())).orElseThrow();
                assertThat(last.state()).isEqualTo(TargetState.COMPLETED);
            });
        }
    }
}
