package io.branchcast.contracts.manifest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ManifestTest {

    private static final KeyPair KEYS = Ed25519Keys.generate();
    private static final byte[] CONTENT = Fixtures.content(5 * Fixtures.PIECE + 17, 7);

    private final ManifestSigner signer = new ManifestSigner("cp-2026", KEYS.getPrivate());

    @Test
    void roundTripsThroughTheTorrentFileForm() {
        Manifest manifest = signedManifest(Optional.of(URI.create("http://tracker.invalid/announce")),
                List.of(URI.create("https://origin.example/artifacts/a.iso")));

        Manifest decoded = Manifest.decode(manifest.encode());

        assertThat(decoded).isEqualTo(manifest);
        assertThat(decoded.encode()).isEqualTo(manifest.encode());
        assertThat(decoded.infoHash()).isEqualTo(manifest.info().infoHash());
    }

    @Test
    void isATorrentFileWithTheBranchcastFieldsBesideInfo() {
        Manifest manifest = signedManifest(Optional.empty(), List.of(URI.create("http://origin/a")));

        Map<String, Object> root = rootMap(manifest);

        assertThat(root).containsOnlyKeys("branchcast", "info", "url-list");
        assertThat(Bencode.encode(root.get("info"))).isEqualTo(manifest.info().encode());
        assertThat(root.get("url-list")).asList().containsExactly("http://origin/a".getBytes(US_ASCII));
    }

    @Test
    void omitsOptionalKeysWhenAbsent() {
        String encoded = new String(signedManifest(Optional.empty(), List.of()).encode(), US_ASCII);

        assertThat(encoded).startsWith("d10:branchcastd6:key-id7:cp-20266:sha25632:").doesNotContain("announce", "url-list");
    }

    @Test
    void acceptsASingleStringUrlListAndIgnoresUnknownTopLevelKeys() {
        Map<String, Object> root = rootMap(signedManifest(Optional.empty(), List.of()));
        root.put("url-list", "http://origin/a.iso");
        root.put("comment", "made by hand");

        Manifest decoded = Manifest.decode(Bencode.encode(root));

        assertThat(decoded.webSeeds()).containsExactly(URI.create("http://origin/a.iso"));
    }

    @Test
    void rejectsWebSeedsThatAreNotHttp() {
        assertThatThrownBy(() -> signedManifest(Optional.empty(), List.of(URI.create("file:///etc/passwd"))))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("http");
    }

    @Test
    void rejectsFilesOverTheSizeLimit() {
        byte[] encoded = signedManifest(Optional.empty(), List.of()).encode();

        assertThatThrownBy(() -> Manifest.decode(encoded, encoded.length - 1)).hasMessageContaining("exceeds limit");
    }

    @Test
    void rejectsMissingOrMalformedBranchcastFields() {
        Map<String, Object> root = rootMap(signedManifest(Optional.empty(), List.of()));
        @SuppressWarnings("unchecked")
        Map<String, Object> branchcast = new TreeMap<>((Map<String, Object>) root.get("branchcast"));
        branchcast.put("sha256", new byte[31]);
        root.put("branchcast", branchcast);
        assertThatThrownBy(() -> Manifest.decode(Bencode.encode(root))).hasMessageContaining("sha256 must be 32 bytes");

        root.remove("branchcast");
        assertThatThrownBy(() -> Manifest.decode(Bencode.encode(root))).hasMessageContaining("no 'branchcast'");
    }

    @Test
    void rejectsInvalidKeyIds() {
        Manifest manifest = signedManifest(Optional.empty(), List.of());

        assertThatThrownBy(() -> new Manifest(manifest.info(), manifest.sha256(), "has space", manifest.signature(),
                Optional.empty(), List.of())).hasMessageContaining("key id");
    }

    private Manifest signedManifest(Optional<URI> announce, List<URI> webSeeds) {
        PieceHashes hashes = Fixtures.naiveHashes(CONTENT, Fixtures.PIECE);
        return signer.sign(hashes.toInfo("a.iso"), hashes.sha256(), announce, webSeeds);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rootMap(Manifest manifest) {
        return new TreeMap<>((Map<String, Object>) Bencode.decode(manifest.encode()));
    }
}
