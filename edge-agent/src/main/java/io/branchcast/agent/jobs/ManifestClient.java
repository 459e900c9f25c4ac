package io.branchcast.agent.jobs;

import io.branchcast.contracts.events.AgentErrorCode;
import io.branchcast.contracts.manifest.Manifest;
import io.branchcast.contracts.manifest.ManifestException;
import io.branchcast.contracts.manifest.ManifestVerifier;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * ManifestClient fetches a job's manifest from the control plane with the agent's token and verifies its signature
 * with the signing keys received at enrollment. A manifest that does not verify fails the job
 * (manifest-signature-invalid), so does a manifest the control plane no longer has (artifact-unavailable); other
 * failures are transient.
 */
public final class ManifestClient {

    private static final long TIMEOUT_MS = 30_000;

    private final WebClient client;
    private final Supplier<Future<String>> bearerToken;
    private final ManifestVerifier verifier;

    public ManifestClient(WebClient client, Supplier<Future<String>> bearerToken, ManifestVerifier verifier) {
        this.client = client;
        this.bearerToken = bearerToken;
        this.verifier = verifier;
    }

    public Future<Manifest> fetch(String url) {
        return bearerToken.get()
                .compose(token -> client.getAbs(url).bearerTokenAuthentication(token).timeout(TIMEOUT_MS).send())
                .compose(response -> verify(url, response));
    }

    private Future<Manifest> verify(String url, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status == 404 || status == 410) {
            return Future.failedFuture(new JobFailure(AgentErrorCode.ARTIFACT_UNAVAILABLE,
                    "the control plane no longer has the manifest " + url + " (HTTP " + status + ")"));
        }
        if (status != 200) {
            return Future.failedFuture(new IOException("fetching the manifest " + url + " answered HTTP " + status));
        }
        Buffer body = response.body();
        if (body == null || body.length() > Manifest.DEFAULT_MAX_BYTES) {
            return Future.failedFuture(new JobFailure(AgentErrorCode.MANIFEST_SIGNATURE_INVALID,
                    "the manifest " + url + " is empty or larger than " + Manifest.DEFAULT_MAX_BYTES + " bytes"));
        }
        try {
            return Future.succeededFuture(verifier.decodeAndVerify(body.getBytes(), Manifest.DEFAULT_MAX_BYTES));
        } catch (ManifestException e) {
            return Future.failedFuture(new JobFailure(AgentErrorCode.MANIFEST_SIGNATURE_INVALID,
                    "the manifest " + url + " cannot be trusted: " + e.getMessage(), e));
        }
    }
}
