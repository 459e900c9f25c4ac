package io.branchcast.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole product path: API → Kafka → four enrolled agents → swarm → progress back to the API. */
class RolloutTest {

    private static final long SIZE = 48L << 20;

    @Test
    void aJobForASiteReachesItsFourAgentsWhichFetchAboutOneCopyFromTheOriginAndTheRestFromEachOther() throws Exception {
        try (Office office = Office.open("Rollout office", 4)) {
            JsonNode artifact = Payloads.upload("rollout.img", SIZE, 1);

            String jobId = Jobs.forSite(artifact, office.siteId, Map.of());
            JsonNode job = Jobs.awaitState(jobId, "COMPLETED", Duration.ofMinutes(4));

            JsonNode targets = Jobs.targets(jobId);
            assertThat(targets).hasSize(4);
            targets.forEach(target -> {
                assertThat(target.path("state").asText()).isEqualTo("COMPLETED");
                assertThat(target.path("bytesDone").asLong()).isEqualTo(SIZE);
            });
            JsonNode summary = job.path("summary");
            long fromOrigin = summary.path("bytesFromOrigin").asLong();
            long fromPeers = summary.path("bytesFromPeers").asLong();
            assertThat(fromOrigin).as("bytes from the origin").isBetween(SIZE, SIZE * 5 / 4);
            assertThat(fromOrigin + fromPeers).as("all bytes received").isGreaterThanOrEqualTo(4 * SIZE);
            for (Workstation workstation : office.workstations) {
                assertThat(sha256(payloadOf(workstation, jobId))).isEqualTo(artifact.path("sha256").asText());
            }
        }
    }

    /** The one payload file the agent keeps for the job. */
    static Path payloadOf(Workstation workstation, String jobId) throws IOException {
        try (Stream<Path> files = Files.walk(workstation.payloadDir().resolve(jobId))) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            assertThat(regular).as("files of job %s on %s", jobId, workstation.spec.name()).hasSize(1);
            return regular.get(0);
        }
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
