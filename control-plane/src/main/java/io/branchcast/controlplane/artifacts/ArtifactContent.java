package io.branchcast.controlplane.artifacts;

import io.branchcast.contracts.manifest.Manifest;
import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.ErrorCode;
import io.branchcast.controlplane.api.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.PathPart;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * ArtifactContent answers the origin requests of a READY artifact: its payload (whole or one byte range, sent from
 * the file with sendfile, so memory use does not depend on the size) and its signed manifest with the origin as web
 * seed. It does not check roles; the resource does.
 */
@ApplicationScoped
public class ArtifactContent {

    public static final String BITTORRENT = "application/x-bittorrent";

    private static final Logger LOG = Logger.getLogger(ArtifactContent.class);

    @Inject
    ArtifactStorage storage;

    @Inject
    MeterRegistry registry;

    /**
     * The payload or the asked range: 200 or 206, with Accept-Ranges, an ETag (the SHA-256) and Content-Length; 416 for
     * a range beyond the end. If-Range with another ETag means the client's copy is stale: then the whole payload.
     *
     * @param withBody false for HEAD: the same status and headers without the bytes
     */
    public Response payload(Artifact artifact, String rangeHeader, String ifRange, boolean withBody, String instance) {
        requireReady(artifact);
        long size = artifact.sizeBytes;
        String etag = "\"" + HexFormat.of().formatHex(artifact.sha256) + "\"";
        Optional<ByteRange> range;
        try {
            range = ifRange == null || ifRange.equals(etag) ? ByteRange.parse(rangeHeader, size) : Optional.empty();
        } catch (ByteRange.NotSatisfiable e) {
            return Response.status(ErrorCode.RANGE_NOT_SATISFIABLE.status()).type(Problem.MEDIA_TYPE)
                    .header("Content-Range", "bytes */" + size)
                    .entity(Problem.of(ErrorCode.RANGE_NOT_SATISFIABLE, e.getMessage(), instance, null)).build();
        }
        // always a PathPart: Quarkus would apply the Range header to a plain Path itself, ignoring If-Range
        Path file = storage.locate(artifact.storageKey);
        if (!Files.isRegularFile(file)) {
            LOG.errorf("the payload of artifact %s is missing from the artifact volume (%s); agents get 404 until it"
                    + " is restored or the artifact deleted", artifact.id, file);
            throw new ApiException(ErrorCode.NOT_FOUND, "the payload of artifact " + artifact.id
                    + " is no longer on the origin");
        }
        if (withBody) {
            // WAN egress is what Branchcast exists to save; counted when the response starts
            registry.counter("branchcast.origin.bytes.served").increment(range.map(ByteRange::length).orElse(size));
        }
        Response.ResponseBuilder response = range
                .map(r -> Response.status(Response.Status.PARTIAL_CONTENT)
                        .header("Content-Range", r.contentRange(size))
                        .entity(withBody ? new PathPart(file, r.first(), r.length()) : null))
                .orElseGet(() -> Response.ok(withBody ? new PathPart(file, 0, size) : null));
        if (!withBody) {
            response.header(HttpHeaders.CONTENT_LENGTH, range.map(ByteRange::length).orElse(size));
        }
        return response.type(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.ETAG, etag)
                .build();
    }

    /** The signed manifest, a .torrent whose url-list names the content URL (the signature does not cover it). */
    public byte[] manifest(Artifact artifact, URI contentUrl) {
        requireReady(artifact);
        Manifest signed = Manifest.decode(artifact.manifest);
        return new Manifest(signed.info(), signed.sha256(), signed.keyId(), signed.signature(), signed.announce(),
                List.of(contentUrl)).encode();
    }

    private static void requireReady(Artifact artifact) {
        switch (artifact.state) {
            case READY -> {
            }
            case HASHING -> throw ApiException.conflict("artifact " + artifact.id + " is still being hashed ("
                    + artifact.hashedBytes + " of " + artifact.sizeBytes + " bytes); try again when it is READY");
            case FAILED -> throw ApiException.conflict("artifact " + artifact.id + " failed to hash: " + artifact.failure);
            case DELETED -> throw new ApiException(ErrorCode.NOT_FOUND, "artifact " + artifact.id + " was deleted");
        }
    }
}
