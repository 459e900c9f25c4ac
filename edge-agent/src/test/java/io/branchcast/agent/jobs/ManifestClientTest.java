package io.branchcast.agent.jobs;

import io.branchcast.contracts.events.AgentErrorCode;
import io.branchcast.contracts.manifest.Ed25519Keys;
import io.branchcast.contracts.manifest.Manifest;
import io.branchcast.contracts.manifest.ManifestSigner;
import io.branchcast.contracts.manifest.ManifestVerifier;
import io.branchcast.contracts.manifest.PieceHasher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(VertxExtension.class)
class ManifestClientTest {

    private static final KeyPair KEYS = Ed25519Keys.generate();

    private static byte[] signedManifest() {
        PieceHasher hasher = new PieceHasher(16384, 40_000);
        hasher.update(ByteBuffer.wrap(new byte[40_000]));
        return new ManifestSigner("k1", KEYS.getPrivate()).sign(hasher.finish(), "payload.bin", List.of()).encode();
    }

    /** Serves {@code body} with {@code status} at /manifest and checks the bearer token. */
    private static String serve(Vertx vertx, int status, byte[] body) throws Exception {
        int port = vertx.createHttpServer().requestHandler(request -> {
            if (!"Bearer agent-token".equals(request.getHeader("Authorization"))) {
                request.response().setStatusCode(401).end();
            } else {
                request.response().setStatusCode(status).end(Buffer.buffer(body));
            }
        }).listen(0, "127.0.0.41").await(10, TimeUnit.SECONDS).actualPort();
        return "http://127.0.0.41:" + port + "/manifest";
    }

    private static ManifestClient client(Vertx vertx) {
        return new ManifestClient(WebClient.create(vertx), () -> Future.succeededFuture("agent-token"),
                ManifestVerifier.ofEncodedKeys(Map.of("k1", Ed25519Keys.encodePublicKey(KEYS.getPublic()))));
    }

    @Test
    void fetches_and_verifies_a_genuine_manifest_with_the_agent_token(Vertx vertx) throws Exception {
        Manifest manifest = client(vertx).fetch(serve(vertx, 200, signedManifest())).await(10, TimeUnit.SECONDS);

        assertThat(manifest.info().name()).isEqualTo("payload.bin");
    }

    @Test
    void a_tampered_manifest_fails_the_job_with_manifest_signature_invalid(Vertx vertx) throws Exception {
        byte[] tampered = signedManifest();
        String text = new String(tampered, java.nio.charset.StandardCharsets.ISO_8859_1);
        int name = text.indexOf("payload.bin");
        tampered[name] = 'P';

        String url = serve(vertx, 200, tampered);

        assertThatThrownBy(() -> client(vertx).fetch(url).await(10, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(JobFailure.class, failure ->
                        assertThat(failure.code()).isEqualTo(AgentErrorCode.MANIFEST_SIGNATURE_INVALID));
    }

    @Test
    void a_manifest_the_control_plane_no_longer_has_fails_with_artifact_unavailable(Vertx vertx) throws Exception {
        String url = serve(vertx, 410, new byte[0]);

        assertThatThrownBy(() -> client(vertx).fetch(url).await(10, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(JobFailure.class, failure ->
                        assertThat(failure.code()).isEqualTo(AgentErrorCode.ARTIFACT_UNAVAILABLE));
    }

    @Test
    void a_server_error_is_transient(Vertx vertx) throws Exception {
        String url = serve(vertx, 503, new byte[0]);

        assertThatThrownBy(() -> client(vertx).fetch(url).await(10, TimeUnit.SECONDS))
                .isNotInstanceOf(JobFailure.class)
                .hasMessageContaining("503");
    }
}
