package io.branchcast.agent.enrollment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.io.IOException;
import java.net.URI;

/**
 * EnrollmentClient calls {@code POST /api/v1/enrollments}. A 200 gives the {@link Credentials}; a 429 fails with
 * {@link EnrollmentThrottledException} (its Retry-After); another 4xx with {@link EnrollmentRefusedException} (the
 * problem's code and detail); anything else (5xx, network) with an {@link IOException}. Only refusals are final.
 */
public final class EnrollmentClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MS = 30_000;
    private static final long DEFAULT_RETRY_AFTER_S = 30;
    /** A Retry-After beyond this is taken as this: a misconfigured proxy must not park the agent for days. */
    private static final long MAX_RETRY_AFTER_S = 3_600;

    private final WebClient client;
    private final URI controlPlane;

    public EnrollmentClient(WebClient client, URI controlPlane) {
        this.client = client;
        this.controlPlane = controlPlane;
    }

    public Future<Credentials> enroll(EnrollmentRequest request) {
        return client.postAbs(controlPlane + "/api/v1/enrollments")
                .timeout(TIMEOUT_MS)
                .putHeader("Accept", "application/json")
                .sendJson(JsonObject.mapFrom(request))
                .recover(error -> Future.failedFuture(new IOException("cannot reach " + controlPlane + ": " + error,
                        error)))
                .compose(this::credentials);
    }

    private Future<Credentials> credentials(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status == 200) {
            try {
                return Future.succeededFuture(JSON.readValue(response.body().getBytes(), Credentials.class));
            } catch (IOException | RuntimeException e) {
                return Future.failedFuture(new IOException("unreadable enrollment response: " + e.getMessage(), e));
            }
        }
        if (status == 429) {
            return Future.failedFuture(new EnrollmentThrottledException(retryAfterSeconds(response)));
        }
        if (status >= 400 && status < 500) {
            JsonObject problem = problem(response);
            return Future.failedFuture(new EnrollmentRefusedException(status, problem.getString("code"),
                    problem.getString("detail", problem.getString("title", response.statusMessage()))));
        }
        return Future.failedFuture(new IOException(controlPlane + " answered the enrollment with HTTP " + status));
    }

    /** The Retry-After seconds, within [1, MAX_RETRY_AFTER_S]; DEFAULT_RETRY_AFTER_S when absent or not a number. */
    private static long retryAfterSeconds(HttpResponse<Buffer> response) {
        try {
            long seconds = Long.parseLong(String.valueOf(response.getHeader("Retry-After")).strip());
            return Math.max(1, Math.min(MAX_RETRY_AFTER_S, seconds));
        } catch (NumberFormatException notSeconds) {
            return DEFAULT_RETRY_AFTER_S;
        }
    }

    private static JsonObject problem(HttpResponse<Buffer> response) {
        try {
            return response.body() == null ? new JsonObject() : response.bodyAsJsonObject();
        } catch (RuntimeException notJson) {
            return new JsonObject();
        }
    }
}
