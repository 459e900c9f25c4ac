package io.branchcast.contracts.manifest;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Bencode is the BEP 3 serialization used by .torrent files, with canonical output and strict input.
 *
 * <p>Java mapping: integer = {@link Long}, byte string = {@code byte[]}, list = {@link List}, dictionary =
 * {@link java.util.SortedMap}{@code <String, Object>} ordered by {@link #KEY_ORDER}. The encoder also accepts
 * {@link Integer} and {@link String} (written as its UTF-8 bytes) for convenience, and sorts dictionary keys itself, so
 * any {@link Map} may be passed. Decoding is delegated to {@link BencodeDecoder}; see {@link BencodeOptions} for limits.
 */
public final class Bencode {

    /** Canonical dictionary key order: by raw UTF-8 bytes, which equals Unicode code point order. */
    public static final Comparator<String> KEY_ORDER = Bencode::compareCodePoints;

    private Bencode() {
    }

    /** Encodes a value canonically; throws {@link BencodeException} for unsupported types or non-UTF-8 keys. */
    public static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out, 0);
        return out.toByteArray();
    }

    /** Decodes canonical bencode with {@link BencodeOptions#STRICT}. */
    public static Object decode(byte[] input) {
        return decode(input, BencodeOptions.STRICT);
    }

    /** Decodes exactly one value that must span the whole input. */
    public static Object decode(byte[] input, BencodeOptions options) {
        return new BencodeDecoder(input, options).decodeAll();
    }

    /** Writes one value; depth is the number of enclosing lists and dictionaries. */
    private static void write(Object value, ByteArrayOutputStream out, int depth) {
        if ((value instanceof List || value instanceof Map) && depth >= BencodeOptions.MAX_DEPTH) {
            throw new BencodeException("nesting deeper than " + BencodeOptions.MAX_DEPTH);
        }
        if (value instanceof Long || value instanceof Integer) {
            writeAscii("i" + value + "e", out);
        } else if (value instanceof byte[] bytes) {
            writeString(bytes, out);
        } else if (value instanceof String string) {
            writeString(utf8(string), out);
        } else if (value instanceof List<?> list) {
            out.write('l');
            for (Object element : list) {
                write(element, out, depth + 1);
            }
            out.write('e');
        } else if (value instanceof Map<?, ?> map) {
            writeDictionary(map, out, depth);
        } else {
            throw new BencodeException("cannot encode " + (value == null ? "null" : value.getClass().getName()));
        }
    }

    private static void writeDictionary(Map<?, ?> map, ByteArrayOutputStream out, int depth) {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        for (Map.Entry<?, ?> entry : entries) {
            if (!(entry.getKey() instanceof String)) {
                throw new BencodeException("dictionary keys must be strings, got " + entry.getKey());
            }
        }
        entries.sort((a, b) -> KEY_ORDER.compare((String) a.getKey(), (String) b.getKey()));
        out.write('d');
        for (Map.Entry<?, ?> entry : entries) {
            writeString(utf8((String) entry.getKey()), out);
            write(entry.getValue(), out, depth + 1);
        }
        out.write('e');
    }

    private static void writeString(byte[] bytes, ByteArrayOutputStream out) {
        writeAscii(bytes.length + ":", out);
        out.write(bytes, 0, bytes.length);
    }

    private static void writeAscii(String text, ByteArrayOutputStream out) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        out.write(bytes, 0, bytes.length);
    }

    /** Strict UTF-8 encoding: unpaired surrogates are an error rather than a silent '?'. */
    static byte[] utf8(String text) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new BencodeException("string is not valid Unicode: " + text);
        }
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
