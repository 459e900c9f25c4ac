package io.branchcast.contracts.manifest;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Manifest is a signed description of one artifact: the BEP 3 info dictionary plus the SHA-256 of the whole file,
 * signed with an Ed25519 key of the control plane. Its file form is a .torrent that stock BitTorrent clients accept:
 * <pre>
 * { "announce": &lt;url, optional&gt;,
 *   "branchcast": { "key-id": &lt;string&gt;, "sha256": &lt;32 bytes&gt;, "signature": &lt;64 bytes&gt; },
 *   "info": &lt;info dictionary&gt;,
 *   "url-list": [&lt;BEP 19 web seed url&gt;, ...] (optional) }
 * </pre>
 * The signature covers {@link #signedPayload()}: the info hash and the SHA-256, not the announce or web-seed URLs
 * (those only say where to fetch bytes, which are checked against the hashes anyway). A Manifest only checks its own
 * shape; whether the signature is genuine is the job of {@link ManifestVerifier}.
 *
 * @param info      the info dictionary
 * @param sha256    SHA-256 of the whole file, 32 bytes (accessor returns a copy)
 * @param keyId     id of the signing key, 1 to 64 printable ASCII characters
 * @param signature Ed25519 signature of {@link #signedPayload()}, 64 bytes (accessor returns a copy)
 * @param announce  tracker URL for stock clients, usually empty (agents find peers on the LAN)
 * @param webSeeds  BEP 19 HTTP(S) web seeds, e.g. the origin; may be empty
 */
public record Manifest(InfoDictionary info, byte[] sha256, String keyId, byte[] signature, Optional<URI> announce,
                       List<URI> webSeeds) {

    public static final int SIGNATURE_LENGTH = 64;
    /** Default bound for {@link #decode(byte[], int)}: 64 MiB of piece hashes plus room for the rest. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024 * 1024 + 64 * 1024;
    private static final byte[] SIGNATURE_DOMAIN = "branchcast-manifest-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_KEY_ID_LENGTH = 64;

    public Manifest {
        if (info == null) {
            throw new ManifestException("info is required");
        }
        sha256 = copyOfLength("sha256", sha256, Digests.SHA256_LENGTH);
        signature = copyOfLength("signature", signature, SIGNATURE_LENGTH);
        validateKeyId(keyId);
        announce = announce == null ? Optional.empty() : announce;
        announce.ifPresent(Manifest::requireAbsolute);
        webSeeds = List.copyOf(webSeeds == null ? List.of() : webSeeds);
        webSeeds.forEach(Manifest::requireHttp);
    }

    /** Decodes a manifest file with the {@link #DEFAULT_MAX_BYTES} bound. */
    public static Manifest decode(byte[] bytes) {
        return decode(bytes, DEFAULT_MAX_BYTES);
    }

    /**
     * Decodes a manifest file of at most maxBytes bytes. Unknown top-level keys ("comment", "creation date"...) are
     * ignored; the info and branchcast dictionaries must hold exactly the keys above.
     */
    public static Manifest decode(byte[] bytes, int maxBytes) {
        if (bytes.length > maxBytes) {
            throw new ManifestException("manifest of " + bytes.length + " bytes exceeds limit " + maxBytes);
        }
        DecodedDictionary root = DecodedDictionary.of("manifest",
                Bencode.decode(bytes, BencodeOptions.STRICT.withMaxStringLength(maxBytes)));
        DecodedDictionary branchcast = root.dictionary("branchcast");
        branchcast.requireOnly(Set.of("key-id", "sha256", "signature"));
        Optional<URI> announce = root.has("announce") ? Optional.of(uri(root.text("announce"))) : Optional.empty();
        return new Manifest(InfoDictionary.fromBencode(root.raw("info")), branchcast.bytes("sha256"),
                branchcast.text("key-id"), branchcast.bytes("signature"), announce, webSeeds(root));
    }

    /** The canonical bencoded file form. */
    public byte[] encode() {
        Map<String, Object> branchcast = new TreeMap<>(Bencode.KEY_ORDER);
        branchcast.put("key-id", keyId);
        branchcast.put("sha256", sha256);
        branchcast.put("signature", signature);
        Map<String, Object> root = new TreeMap<>(Bencode.KEY_ORDER);
        announce.ifPresent(url -> root.put("announce", url.toString()));
        root.put("branchcast", branchcast);
        root.put("info", info.toBencode());
        if (!webSeeds.isEmpty()) {
            root.put("url-list", webSeeds.stream().map(URI::toString).toList());
        }
        return Bencode.encode(root);
    }

    /** The info hash of {@link #info()}. */
    public byte[] infoHash() {
        return info.infoHash();
    }

    /** The bytes the signature covers: "branchcast-manifest-v1" || info hash (20) || sha256 (32). */
    public byte[] signedPayload() {
        return signedPayload(info.infoHash(), sha256);
    }

    static byte[] signedPayload(byte[] infoHash, byte[] sha256) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(SIGNATURE_DOMAIN);
        payload.writeBytes(infoHash);
        payload.writeBytes(sha256);
        return payload.toByteArray();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Manifest that
                && info.equals(that.info)
                && Arrays.equals(sha256, that.sha256)
                && keyId.equals(that.keyId)
                && Arrays.equals(signature, that.signature)
                && announce.equals(that.announce)
                && webSeeds.equals(that.webSeeds);
    }

    @Override
    public int hashCode() {
        return 31 * info.hashCode() + Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return "Manifest[info=" + info + ", keyId=" + keyId + ", announce=" + announce + ", webSeeds=" + webSeeds + "]";
    }

    /** BEP 19 allows "url-list" to be one string or a list of strings. */
    private static List<URI> webSeeds(DecodedDictionary root) {
        if (!root.has("url-list")) {
            return List.of();
        }
        if (root.raw("url-list") instanceof byte[]) {
            return List.of(uri(root.text("url-list")));
        }
        if (!(root.raw("url-list") instanceof List<?> list)) {
            throw new ManifestException("manifest.url-list is neither a string nor a list");
        }
        List<URI> seeds = new ArrayList<>(list.size());
        for (Object element : list) {
            if (!(element instanceof byte[] bytes)) {
                throw new ManifestException("manifest.url-list holds a non-string");
            }
            seeds.add(uri(new String(bytes, StandardCharsets.UTF_8)));
        }
        return seeds;
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new ManifestException("invalid URL '" + text + "'", e);
        }
    }

    private static void requireAbsolute(URI uri) {
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new ManifestException("URL must be absolute with a host: " + uri);
        }
    }

    private static void requireHttp(URI uri) {
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new ManifestException("web seed must be http or https: " + uri);
        }
        requireAbsolute(uri);
    }

    private static byte[] copyOfLength(String field, byte[] bytes, int length) {
        if (bytes == null || bytes.length != length) {
            throw new ManifestException(field + " must be " + length + " bytes, got "
                    + (bytes == null ? "none" : bytes.length));
        }
        return bytes.clone();
    }

    private static void validateKeyId(String keyId) {
        if (keyId == null || keyId.isEmpty() || keyId.length() > MAX_KEY_ID_LENGTH
                || !keyId.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ManifestException("key id must be 1 to 64 printable ASCII characters, got '" + keyId + "'");
        }
    }
}
