package io.branchcast.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchcast.contracts.manifest.Manifest;
import io.branchcast.devstack.AgentProcess;
import io.branchcast.devstack.AgentSpec;
import io.branchcast.devstack.ChildProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bad input ends in a clear, visible failure: refused enrollments, a tampered manifest, a vanished payload. */
class FailureReportingTest {

    private static final int ENROLLMENT_REFUSED = 3;

    @Test
    void anExpiredEnrollmentTokenIsRefusedAndTheAgentSaysSo() throws Exception {
        try (Office office = Office.open("Expired token office", 0)) {
            JsonNode token = SystemUnderTest.get().admin.post("/api/v1/enrollment-tokens",
                    Map.of("siteId", office.siteId, "expiresInSeconds", 1, "maxUses", 5));
            Instant expiresAt = Instant.parse(token.path("expiresAt").asText());
            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expiresAt.plusMillis(200)));

            ChildProcess agent = launch(token.path("token").asText());

            assertThat(agent.awaitExit(Duration.ofMinutes(1))).isEqualTo(ENROLLMENT_REFUSED);
            assertThat(Files.readString(agent.logFile())).containsIgnoringCase("expired");
        }
    }

    @Test
    void aUsedUpEnrollmentTokenEnrollsNoSecondMachine() throws Exception {
        try (Office office = Office.open("Used-up token office", 0)) {
            String token = office.enrollmentToken(1);
            office.workstations.add(office.startNew(token));

            ChildProcess second = launch(token);

            assertThat(second.awaitExit(Duration.ofMinutes(1))).isEqualTo(ENROLLMENT_REFUSED);
            assertThat(Files.readString(second.logFile())).containsIgnoringCase("used");
        }
    }

    @Test
    void aTamperedManifestSignatureFailsTheTargetWithAClearCode() throws Exception {
        try (Office office = Office.open("Tampered manifest office", 1)) {
            JsonNode artifact = Payloads.upload("tampered.img", 2L << 20, 6);
            tamperManifestSignature(UUID.fromString(artifact.path("id").asText()));

            String jobId = Jobs.forSite(artifact, office.siteId, Map.of());

            JsonNode target = Jobs.awaitTargets(jobId, Duration.ofMinutes(1),
                    t -> "FAILED".equals(t.path("state").asText())).get(0);
            assertThat(target.path("errorCode").asText()).isEqualTo("manifest-signature-invalid");
            assertThat(target.path("errorMessage").asText()).isNotBlank();
        }
    }

    @Test
    void aJobForAPayloadTheOriginNoLongerHasFailsTheTargetWithAClearCode() throws Exception {
        try (Office office = Office.open("Vanished payload office", 1)) {
            JsonNode artifact = Payloads.upload("vanished.img", 2L << 20, 7);
            Files.delete(storedPayload(UUID.fromString(artifact.path("id").asText())));

            String jobId = Jobs.forSite(artifact, office.siteId, Map.of());

            JsonNode target = Jobs.awaitTargets(jobId, Duration.ofMinutes(2),
                    t -> "FAILED".equals(t.path("state").asText())).get(0);
            assertThat(target.path("errorCode").asText()).isEqualTo("artifact-unavailable");
        }
    }

    private static ChildProcess launch(String token) {
        SystemUnderTest sut = SystemUnderTest.get();
        AgentSpec spec = sut.newAgent(token);
        return AgentProcess.launch(sut.repo, spec);
    }

    /** Flips one bit of the stored manifest's signature, as an attacker with write access to the database would. */
    private static void tamperManifestSignature(UUID artifactId) throws Exception {
        try (Connection db = SystemUnderTest.get().sandbox.database()) {
            byte[] stored;
            try (PreparedStatement select = db.prepareStatement("SELECT manifest FROM artifacts WHERE id = ?")) {
                select.setObject(1, artifactId);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    stored = row.getBytes(1);
                }
            }
            Manifest manifest = Manifest.decode(stored);
            byte[] signature = manifest.signature();
            signature[signature.length - 1] ^= 1;
            byte[] tampered = new Manifest(manifest.info(), manifest.sha256(), manifest.keyId(), signature,
                    manifest.announce(), manifest.webSeeds()).encode();
            try (PreparedStatement update = db.prepareStatement("UPDATE artifacts SET manifest = ? WHERE id = ?")) {
                update.setBytes(1, tampered);
                update.setObject(2, artifactId);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }
    }

    private static Path storedPayload(UUID artifactId) throws Exception {
        try (Connection db = SystemUnderTest.get().sandbox.database();
             PreparedStatement select = db.prepareStatement("SELECT storage_key FROM artifacts WHERE id = ?")) {
            select.setObject(1, artifactId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return SystemUnderTest.get().sandbox.dataDir().resolve("artifacts/objects").resolve(row.getString(1));
            }
        }
    }
}
