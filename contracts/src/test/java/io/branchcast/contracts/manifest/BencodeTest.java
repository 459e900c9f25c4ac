package io.branchcast.contracts.manifest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BencodeTest {

    @Test
    void encodesEveryTypeCanonically() {
        Map<String, Object> dictionary = new HashMap<>();
        dictionary.put("zeta", List.of(1L, -2, "x"));
        dictionary.put("alpha", "spam".getBytes(US_ASCII));
        dictionary.put("mid", Map.of());

        assertThat(text(Bencode.encode(dictionary))).isEqualTo("d5:alpha4:spam3:midde4:zetali1ei-2e1:xee");
        assertThat(text(Bencode.encode(0L))).isEqualTo("i0e");
        assertThat(text(Bencode.encode(Long.MIN_VALUE))).isEqualTo("i-9223372036854775808e");
        assertThat(text(Bencode.encode(new byte[0]))).isEqualTo("0:");
    }

    @Test
    void sortsKeysByRawBytesNotByUtf16() {
        // U+1F600 is the surrogate pair D83D DE00, which String.compareTo puts before U+FF5E; UTF-8 bytes do not.
        Map<String, Object> dictionary = Map.of("\uFF5E", 1L, "\uD83D\uDE00", 2L);

        byte[] encoded = Bencode.encode(dictionary);

        assertThat(new String(encoded, UTF_8)).isEqualTo("d3:\uFF5Ei1e4:\uD83D\uDE00i2ee");
        assertThat(Bencode.encode(Bencode.decode(encoded))).isEqualTo(encoded);
    }

    @Test
    void roundTripsNestedValues() {
        byte[] encoded = "d4:listli1eli2eed1:ai-3eee4:name3:abce".getBytes(US_ASCII);

        Object decoded = Bencode.decode(encoded);

        assertThat(Bencode.encode(decoded)).isEqualTo(encoded);
        assertThat(decoded).isInstanceOf(SortedMap.class);
    }

    @Test
    void refusesToEncodeUnsupportedValues() {
        assertThatThrownBy(() -> Bencode.encode(1.5)).isInstanceOf(BencodeException.class);
        assertThatThrownBy(() -> Bencode.encode(Map.of(1, 2L))).isInstanceOf(BencodeException.class);
        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> Bencode.encode(withNull)).isInstanceOf(BencodeException.class);
        assertThatThrownBy(() -> Bencode.encode("\uD800")).isInstanceOf(BencodeException.class);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "leading zero in integer  | i03e",
        "negative zero            | i-0e",
        "integer without digits   | ie",
        "minus without digits     | i-e",
        "integer overflow         | i9223372036854775808e",
        "too many digits          | i000000000000000000001e",
        "letter in integer        | i1x2e",
        "leading zero in length   | 01:a",
        "truncated string         | 5:abc",
        "truncated integer        | i12",
        "truncated list           | li1e",
        "truncated dictionary     | d1:ai1e",
        "missing dictionary value | d1:ae",
        "empty input              | ''",
        "trailing bytes           | i1ei2e",
        "unknown type byte        | x",
        "integer dictionary key   | di1ei2ee",
        "duplicate key            | d1:ai1e1:ai2ee",
        "unsorted keys            | d1:bi1e1:ai2ee",
        "colon without length     | :a",
    })
    void rejectsMalformedInput(String description, String input) {
        assertThatThrownBy(() -> Bencode.decode(input.getBytes(US_ASCII))).isInstanceOf(BencodeException.class);
    }

    @Test
    void acceptsUnsortedKeysOnlyWhenAsked() {
        byte[] unsorted = "d1:bi1e1:ai2ee".getBytes(US_ASCII);

        Object decoded = Bencode.decode(unsorted, new BencodeOptions(1024, false));

        assertThat(Bencode.encode(decoded)).isEqualTo("d1:ai2e1:bi1ee".getBytes(US_ASCII));
        assertThatThrownBy(() -> Bencode.decode("d1:ai1e1:ai2ee".getBytes(US_ASCII), new BencodeOptions(1024, false)))
                .hasMessageContaining("duplicate");
    }

    @Test
    void rejectsStringsOverTheLimitBeforeReadingThem() {
        assertThatThrownBy(() -> Bencode.decode("5:abcde".getBytes(US_ASCII), BencodeOptions.STRICT.withMaxStringLength(4)))
                .isInstanceOf(BencodeException.class)
                .hasMessageContaining("exceeds limit");
        assertThatThrownBy(() -> Bencode.decode("99999999999:a".getBytes(US_ASCII)))
                .isInstanceOf(BencodeException.class);
    }

    @Test
    void rejectsKeysThatAreNotUtf8() {
        byte[] input = {'d', '1', ':', (byte) 0xff, 'i', '1', 'e', 'e'};

        assertThatThrownBy(() -> Bencode.decode(input)).hasMessageContaining("UTF-8");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 31, 32})
    void acceptsNestingUpToTheLimit(int depth) {
        byte[] input = ("l".repeat(depth) + "e".repeat(depth)).getBytes(US_ASCII);

        assertThat(Bencode.encode(Bencode.decode(input))).isEqualTo(input);
    }

    @Test
    void rejectsNestingBeyondTheLimit() {
        byte[] input = ("l".repeat(33) + "e".repeat(33)).getBytes(US_ASCII);

        assertThatThrownBy(() -> Bencode.decode(input)).hasMessageContaining("nesting");
        Object deep = List.of();
        for (int i = 0; i < 32; i++) {
            deep = List.of(deep);
        }
        Object tooDeep = deep;
        assertThatThrownBy(() -> Bencode.encode(tooDeep)).hasMessageContaining("nesting");
    }

    @Test
    void reportsTheOffsetOfTheError() {
        BencodeException error = assertThrows(BencodeException.class,
                () -> Bencode.decode("li1ei03ee".getBytes(US_ASCII)));

        assertThat(error.offset()).isEqualTo(5);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, US_ASCII);
    }
}
