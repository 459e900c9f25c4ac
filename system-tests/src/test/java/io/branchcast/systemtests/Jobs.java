package io.branchcast.systemtests;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Jobs creates distribution jobs through the API and waits for what the control plane reports about them. */
final class Jobs {

    private Jobs() {
    }

    /** A job sending the artifact to every agent of the site; {@code extra} adds or overrides request fields. */
    static String forSite(JsonNode artifact, String siteId, Map<String, Object> extra) {
        Map<String, Object> request = new HashMap<>(Map.of(
                "artifactId", artifact.path("id").asText(),
                "name", "e2e " + artifact.path("name").asText(),
                "targets", Map.of("siteIds", List.of(siteId)),
                "seedingSeconds", 120));
        request.putAll(extra);
        return SystemUnderTest.get().admin.post("/api/v1/jobs", request).path("id").asText();
    }

    static JsonNode get(String jobId) {
        return SystemUnderTest.get().admin.get("/api/v1/jobs/" + jobId);
    }

    static JsonNode targets(String jobId) {
        return SystemUnderTest.get().admin.get("/api/v1/jobs/" + jobId + "/targets?size=500").path("items");
    }

    /** Polls the job until {@code done} holds and returns that view. */
    static JsonNode awaitJob(String jobId, Duration timeout, Predicate<JsonNode> done) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(timeout).pollInterval(Duration.ofMillis(500))
                .alias("job " + jobId)
                .until(() -> {
                    last.set(get(jobId));
                    return done.test(last.get());
                });
        return last.get();
    }

    static JsonNode awaitState(String jobId, String state, Duration timeout) {
        return awaitJob(jobId, timeout, job -> state.equals(job.path("state").asText()));
    }

    /** Polls the job's targets until every one satisfies {@code done}. */
    static JsonNode awaitTargets(String jobId, Duration timeout, Predicate<JsonNode> done) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    last.set(targets(jobId));
                    if (last.get().isEmpty()) {
                        return false;
                    }
                    for (JsonNode target : last.get()) {
                        if (!done.test(target)) {
                            return false;
                        }
                    }
                    return true;
                });
        return last.get();
    }
}
