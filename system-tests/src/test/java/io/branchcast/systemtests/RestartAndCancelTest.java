package io.branchcast.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Agents killed mid-job resume where they were; a cancelled job stops everywhere and leaves no file behind. */
class RestartAndCancelTest {

    private static final long SIZE = 16L << 20;
    private static final long WAN_CAP = 1L << 20;

    @Test
    void anAgentKilledMidJobResumesAndCompletesWithoutFetchingTheWholePayloadAgain() throws Exception {
        try (Office office = Office.open("Restart office", 1)) {
            Workstation workstation = office.workstations.get(0);
            JsonNode artifact = Payloads.upload("restart.img", SIZE, 4);
            long servedBefore = OriginMetrics.bytesServed();
            String jobId = Jobs.forSite(artifact, office.siteId, Map.of("wanCapBytesPerSecond", WAN_CAP));
            long doneAtKill = Jobs.awaitTargets(jobId, Duration.ofMinutes(1),
                    t -> t.path("bytesDone").asLong() >= SIZE / 2).get(0).path("bytesDone").asLong();

            workstation.kill();
            workstation.restart();

            Jobs.awaitState(jobId, "COMPLETED", Duration.ofMinutes(2));
            JsonNode target = Jobs.targets(jobId).get(0);
            assertThat(target.path("bytesDone").asLong()).isEqualTo(SIZE);
            // From scratch, the origin would send everything again after the at least doneAtKill bytes it had sent;
            // a resume re-sends only what was in flight or unverified at the kill.
            assertThat(OriginMetrics.bytesServed() - servedBefore).as("bytes the origin sent for the job")
                    .isLessThan(SIZE + doneAtKill);
            assertThat(RolloutTest.sha256(RolloutTest.payloadOf(workstation, jobId)))
                    .isEqualTo(artifact.path("sha256").asText());
        }
    }

    @Test
    void aCancelledJobStopsOnEveryAgentAndLeavesNoPartialFiles() throws Exception {
        try (Office office = Office.open("Cancel office", 2)) {
            JsonNode artifact = Payloads.upload("cancel.img", SIZE, 5);
            String jobId = Jobs.forSite(artifact, office.siteId, Map.of("wanCapBytesPerSecond", WAN_CAP / 4));
            Jobs.awaitTargets(jobId, Duration.ofMinutes(1), t -> t.path("bytesDone").asLong() > 0);

            SystemUnderTest.get().admin.postEmpty("/api/v1/jobs/" + jobId + "/cancel");

            Jobs.awaitTargets(jobId, Duration.ofMinutes(1), t -> "CANCELLED".equals(t.path("state").asText()));
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                for (Workstation workstation : office.workstations) {
                    assertThat(filesUnder(workstation.payloadDir())).as("payload files on %s", workstation.spec.name())
                            .isEmpty();
                }
            });
        }
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
