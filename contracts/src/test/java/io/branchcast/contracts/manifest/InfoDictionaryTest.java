package io.branchcast.contracts.manifest;

import static io.branchcast.contracts.manifest.Fixtures.PIECE;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InfoDictionaryTest {

    @Test
    void encodesTheFourBep3KeysInCanonicalOrder() {
        InfoDictionary info = new InfoDictionary("a.iso", 3, PIECE, new byte[20]);

        String encoded = new String(info.encode(), US_ASCII);

        assertThat(encoded).startsWith("d6:lengthi3e4:name5:a.iso12:piece lengthi16384e6:pieces20:");
    }

    @Test
    void roundTripsAndHashesTheExactBytes() {
        InfoDictionary info = Fixtures.info("image.wim", Fixtures.content(3 * PIECE + 5, 1));

        byte[] encoded = info.encode();
        InfoDictionary decoded = InfoDictionary.decode(encoded);

        assertThat(decoded).isEqualTo(info);
        assertThat(decoded.encode()).isEqualTo(encoded);
        assertThat(decoded.infoHash()).isEqualTo(Fixtures.digest("SHA-1", encoded));
    }

    @Test
    void lastPieceIsShorter() {
        InfoDictionary info = Fixtures.info("f", Fixtures.content(2 * PIECE + 100, 2));

        assertThat(info.pieceCount()).isEqualTo(3);
        assertThat(info.pieceSize(0)).isEqualTo(PIECE);
        assertThat(info.pieceSize(1)).isEqualTo(PIECE);
        assertThat(info.pieceSize(2)).isEqualTo(100);
        assertThat(info.pieceOffset(2)).isEqualTo(2L * PIECE);
        assertThatThrownBy(() -> info.pieceSize(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void lastPieceIsFullWhenLengthIsAMultiple() {
        InfoDictionary info = Fixtures.info("f", Fixtures.content(2 * PIECE, 3));

        assertThat(info.pieceCount()).isEqualTo(2);
        assertThat(info.pieceSize(1)).isEqualTo(PIECE);
    }

    @Test
    void matchesPieceHashesWithoutCopying() {
        byte[] content = Fixtures.content(PIECE + 1, 4);
        InfoDictionary info = Fixtures.info("f", content);

        assertThat(info.pieceHashMatches(1, Fixtures.digest("SHA-1", new byte[] {content[PIECE]}))).isTrue();
        assertThat(info.pieceHashMatches(0, new byte[20])).isFalse();
        assertThat(info.pieceHash(1)).isEqualTo(Fixtures.digest("SHA-1", new byte[] {content[PIECE]}));
    }

    @Test
    void isImmutable() {
        byte[] pieces = new byte[20];
        InfoDictionary info = new InfoDictionary("f", 1, PIECE, pieces);

        pieces[0] = 1;
        info.pieces()[1] = 1;

        assertThat(info.pieces()).isEqualTo(new byte[20]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a/b", "a\\b", "nul\0", "../etc"})
    void rejectsNamesThatAreNotOneFileName(String name) {
        assertThatThrownBy(() -> new InfoDictionary(name, 1, PIECE, new byte[20])).isInstanceOf(ManifestException.class);
    }

    @Test
    void acceptsDotsInsideAName() {
        assertThat(new InfoDictionary("release..final.iso", 1, PIECE, new byte[20]).name()).isEqualTo("release..final.iso");
    }

    @Test
    void rejectsEmptyFilesWithAClearMessage() {
        assertThatThrownBy(() -> new InfoDictionary("f", 0, PIECE, new byte[0]))
                .isInstanceOf(ManifestException.class)
                .hasMessageContaining("empty files cannot be distributed");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 8192, 16385, 3 * 16384, 32 * 1024 * 1024})
    void rejectsPieceLengthsThatAreNotPowersOfTwoFrom16KiBTo16MiB(int pieceLength) {
        assertThatThrownBy(() -> new InfoDictionary("f", 1, pieceLength, new byte[20]))
                .hasMessageContaining("piece length");
    }

    @Test
    void rejectsAPieceCountThatDoesNotMatchTheLength() {
        assertThatThrownBy(() -> new InfoDictionary("f", PIECE + 1, PIECE, new byte[20])).hasMessageContaining("2 hashes");
        assertThatThrownBy(() -> new InfoDictionary("f", 1, PIECE, new byte[19])).hasMessageContaining("1 hashes");
    }

    @Test
    void rejectsUnknownKeysBecauseTheyWouldChangeTheInfoHash() {
        Map<String, Object> map = new InfoDictionary("f", 1, PIECE, new byte[20]).toBencode();
        map.put("private", 1L);

        assertThatThrownBy(() -> InfoDictionary.decode(Bencode.encode(map))).hasMessageContaining("'private'");
    }

    @Test
    void rejectsMistypedFields() {
        Map<String, Object> map = new InfoDictionary("f", 1, PIECE, new byte[20]).toBencode();
        map.put("length", "1");

        assertThatThrownBy(() -> InfoDictionary.decode(Bencode.encode(map))).hasMessageContaining("info.length");
    }

    @Test
    void rejectsNonCanonicalEncodings() {
        String canonical = new String(new InfoDictionary("f", 1, PIECE, new byte[20]).encode(), US_ASCII);
        byte[] leadingZero = canonical.replace("i1e", "i01e").getBytes(US_ASCII);

        assertThatThrownBy(() -> InfoDictionary.decode(leadingZero)).isInstanceOf(BencodeException.class);
    }
}
