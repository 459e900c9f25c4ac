package io.branchcast.controlplane.artifacts;

import io.branchcast.contracts.manifest.Ed25519Keys;
import io.branchcast.contracts.manifest.ManifestSigner;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * SigningKey is the control plane's Ed25519 manifest key, read at startup from a PKCS#8 PEM file (as written by
 * {@code openssl genpkey -algorithm ed25519}) or generated there, readable by the owner only, when the file is absent.
 * Its id is the first 16 hex digits of the SHA-256 of the public key's X.509 encoding; agents learn the public key and
 * id at enrollment.
 */
@ApplicationScoped
@Startup
public class SigningKey {

    private static final Logger LOG = Logger.getLogger(SigningKey.class);
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @Inject
    ArtifactsConfig config;

    /** Set once at startup, never changed. */
    private KeyPair keys;
    private String keyId;
    private ManifestSigner signer;

    @PostConstruct
    void start() {
        Path file = config.signingKeyPath();
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the manifest signing key " + file, e);
        }
    }

    private void load(Path file) throws IOException {
        keys = withPublicKey(Ed25519Keys.decodePrivateKey(pemBody(Files.readString(file, StandardCharsets.US_ASCII))));
        keyId = idOf(keys.getPublic());
        signer = new ManifestSigner(keyId, keys.getPrivate());
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            LOG.warnf("manifest signing key %s is readable by others (%s); chmod 600 it",
                    file, PosixFilePermissions.toString(permissions));
        }
        LOG.infof("manifests are signed with Ed25519 key %s from %s", keyId, file);
    }

    public String keyId() {
        return keyId;
    }

    public ManifestSigner signer() {
        return signer;
    }

    /** The public key as base64 X.509 SubjectPublicKeyInfo, the form agents are configured with. */
    public String publicKeyBase64() {
        return Ed25519Keys.encodePublicKey(keys.getPublic());
    }

    static String idOf(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime lacks SHA-256", e);
        }
    }

    /** Writes a new key through a temporary file created owner-only, then renames it into place. */
    private static void generate(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".signing-key", ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            String base64 = Base64.getMimeEncoder(64, new byte[]{'\n'})
                    .encodeToString(Ed25519Keys.generate().getPrivate().getEncoded());
            Files.writeString(temp, PEM_BEGIN + "\n" + base64 + "\n" + PEM_END + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, file);
            LOG.infof("generated a new manifest signing key in %s", file);
        } catch (FileAlreadyExistsException e) {
            LOG.infof("another process created %s first; using it", file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String pemBody(String pem) {
        int begin = pem.indexOf(PEM_BEGIN);
        int end = pem.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("the manifest signing key is not a PEM '" + PEM_BEGIN + "' block");
        }
        return pem.substring(begin + PEM_BEGIN.length(), end).replaceAll("\\s", "");
    }

    /**
     * Recomputes the public key of an Ed25519 private key: the JDK derives a key pair from 32 random bytes, so feeding
     * it the private key's bytes as the "random" input yields that key's pair.
     */
    private static KeyPair withPublicKey(PrivateKey privateKey) {
        byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                .orElseThrow(() -> new IllegalStateException("the manifest signing key does not expose its bytes"));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
            KeyPair pair = generator.generateKeyPair();
            if (!Arrays.equals(((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow(), seed)) {
                throw new IllegalStateException("could not derive the public key of the manifest signing key");
            }
            return pair;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime lacks Ed25519", e);
        }
    }

    /** FixedBytes is a "random" source that returns one given byte string, for deterministic key derivation only. */
    private static final class FixedBytes extends SecureRandom {

        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            if (out.length != bytes.length) {
                throw new IllegalStateException("expected a request for " + bytes.length + " bytes, got " + out.length);
            }
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }
}
