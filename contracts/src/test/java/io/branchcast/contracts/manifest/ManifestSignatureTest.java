package io.branchcast.contracts.manifest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.Signature;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestSignatureTest {

    private static final KeyPair CURRENT = Ed25519Keys.generate();
    private static final KeyPair OTHER = Ed25519Keys.generate();
    private static final byte[] CONTENT = Fixtures.content(3 * Fixtures.PIECE, 11);

    private final ManifestVerifier verifier = new ManifestVerifier(Map.of("current", CURRENT.getPublic()));

    @Test
    void acceptsAManifestSignedWithATrustedKey() {
        Manifest manifest = sign("current", CURRENT);

        assertThat(verifier.decodeAndVerify(manifest.encode(), Manifest.DEFAULT_MAX_BYTES)).isEqualTo(manifest);
    }

    @Test
    void signsTheDomainTagInfoHashAndSha256() throws Exception {
        Manifest manifest = sign("current", CURRENT);
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(CURRENT.getPublic());
        signature.update("branchcast-manifest-v1".getBytes(US_ASCII));
        signature.update(manifest.infoHash());
        signature.update(manifest.sha256());

        assertThat(signature.verify(manifest.signature())).isTrue();
        assertThat(manifest.signedPayload()).hasSize(22 + 20 + 32);
    }

    @Test
    void rejectsEverySingleBitFlipOfTheSignature() {
        // Flips in R often decode to no curve point at all, which the JDK reports differently from a mismatch.
        Manifest manifest = sign("current", CURRENT);
        for (int bit = 0; bit < manifest.signature().length * 8; bit++) {
            byte[] signature = manifest.signature();
            signature[bit / 8] ^= (byte) (1 << (bit % 8));

            assertThatThrownBy(() -> verifier.verify(withSignature(manifest, signature)))
                    .as("bit %d", bit)
                    .isInstanceOf(ManifestSignatureException.class)
                    .hasMessageContaining("does not match");
        }
    }

    @Test
    void rejectsATamperedInfoDictionary() {
        Manifest manifest = sign("current", CURRENT);
        byte[] pieces = manifest.info().pieces();
        pieces[0] ^= 1;
        InfoDictionary tampered = new InfoDictionary("a.iso", manifest.info().length(), manifest.info().pieceLength(),
                pieces);

        assertThatThrownBy(() -> verifier.verify(new Manifest(tampered, manifest.sha256(), "current",
                manifest.signature(), Optional.empty(), List.of()))).isInstanceOf(ManifestSignatureException.class);
    }

    @Test
    void rejectsATamperedSha256() {
        Manifest manifest = sign("current", CURRENT);
        byte[] sha256 = manifest.sha256();
        sha256[31] ^= 1;

        assertThatThrownBy(() -> verifier.verify(new Manifest(manifest.info(), sha256, "current",
                manifest.signature(), Optional.empty(), List.of()))).isInstanceOf(ManifestSignatureException.class);
    }

    @Test
    void rejectsASignatureByAnotherKeyUnderATrustedId() {
        Manifest forged = sign("current", OTHER);

        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(ManifestSignatureException.class);
    }

    @Test
    void rejectsAnUnknownKeyId() {
        Manifest manifest = sign("retired", CURRENT);

        assertThatThrownBy(() -> verifier.verify(manifest))
                .isInstanceOf(ManifestSignatureException.class)
                .hasMessageContaining("unknown key 'retired'");
    }

    @Test
    void trustsKeysGivenAsBase64X509Text() {
        String encoded = Ed25519Keys.encodePublicKey(CURRENT.getPublic());
        ManifestVerifier fromConfig = ManifestVerifier.ofEncodedKeys(Map.of("current", encoded));

        assertThat(fromConfig.verify(sign("current", CURRENT))).isNotNull();
        assertThat(Ed25519Keys.decodePublicKey(encoded).getEncoded()).isEqualTo(CURRENT.getPublic().getEncoded());
    }

    @Test
    void privateKeysRoundTripThroughPkcs8Text() {
        String encoded = Ed25519Keys.encodePrivateKey(CURRENT.getPrivate());
        ManifestSigner signer = new ManifestSigner("current", Ed25519Keys.decodePrivateKey(encoded));
        PieceHashes hashes = Fixtures.naiveHashes(CONTENT, Fixtures.PIECE);

        assertThat(verifier.verify(signer.sign(hashes, "a.iso", List.of()))).isNotNull();
    }

    @Test
    void rejectsKeyTextThatIsNotAnEd25519Key() {
        assertThatThrownBy(() -> Ed25519Keys.decodePublicKey("not base64!")).isInstanceOf(ManifestException.class);
        assertThatThrownBy(() -> Ed25519Keys.decodePublicKey("AAAA")).isInstanceOf(ManifestException.class);
    }

    private static Manifest sign(String keyId, KeyPair keys) {
        PieceHashes hashes = Fixtures.naiveHashes(CONTENT, Fixtures.PIECE);
        return new ManifestSigner(keyId, keys.getPrivate()).sign(hashes, "a.iso", List.of());
    }

    private static Manifest withSignature(Manifest manifest, byte[] signature) {
        return new Manifest(manifest.info(), manifest.sha256(), manifest.keyId(), signature, manifest.announce(),
                manifest.webSeeds());
    }
}
