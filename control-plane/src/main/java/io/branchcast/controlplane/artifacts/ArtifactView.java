package io.branchcast.controlplane.artifacts;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * ArtifactView is an artifact as the API returns it: hashes in lower-case hex, hashing progress, and the links that
 * act on it.
 */
public record ArtifactView(UUID id, String name, String version, ArtifactState state, Long sizeBytes, long hashedBytes,
                           String sha256, Integer pieceLength, Integer pieceCount, String infoHash, String failure,
                           String createdBy, Instant createdAt, Instant readyAt, Links links) {

    /** Where to fetch the artifact and its manifest; absolute paths on this server. */
    public record Links(String self, String content, String manifest, String torrent) {
    }

    public static ArtifactView of(Artifact a) {
        String self = ArtifactResource.PATH + "/" + a.id;
        return new ArtifactView(a.id, a.name, a.version, a.state, a.sizeBytes, a.hashedBytes, hex(a.sha256),
                a.pieceLength, a.pieceCount, hex(a.infoHash), a.failure, a.createdBy, a.createdAt, a.readyAt,
                new Links(self, self + "/content", self + "/manifest", self + "/torrent"));
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }
}
