package io.branchcast.contracts.manifest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * BencodeDecoder is a single-use recursive-descent parser over one byte array. It accepts only canonical integers
 * (no leading zeros, no "-0"), bounded strings, UTF-8 dictionary keys without duplicates (and, when the options say so,
 * in canonical order), at most {@link BencodeOptions#MAX_DEPTH} levels of nesting and no trailing bytes.
 */
final class BencodeDecoder {

    /** Longest decimal form of a long ("-9223372036854775808" has 20 characters). */
    private static final int MAX_INTEGER_CHARS = 20;

    private final byte[] input;
    private final BencodeOptions options;
    /** Index of the next unread byte; 0 <= position <= input.length. */
    private int position;

    BencodeDecoder(byte[] input, BencodeOptions options) {
        this.input = input;
        this.options = options;
    }

    Object decodeAll() {
        Object value = value(0);
        if (position != input.length) {
            throw new BencodeException((input.length - position) + " trailing bytes", position);
        }
        return value;
    }

    private Object value(int depth) {
        return switch (peek()) {
            case 'i' -> integer();
            case 'l' -> list(depth + 1);
            case 'd' -> dictionary(depth + 1);
            default -> {
                if (peek() >= '0' && peek() <= '9') {
                    yield string();
                }
                throw new BencodeException("unexpected byte 0x" + Integer.toHexString(peek() & 0xff), position);
            }
        };
    }

    private Long integer() {
        position++;
        return digits('e', true);
    }

    private byte[] string() {
        int start = position;
        long length = digits(':', false);
        if (length > options.maxStringLength()) {
            throw new BencodeException("string of " + length + " bytes exceeds limit " + options.maxStringLength(), start);
        }
        if (length > input.length - position) {
            throw new BencodeException("truncated input: string of " + length + " bytes", start);
        }
        byte[] bytes = Arrays.copyOfRange(input, position, position + (int) length);
        position += (int) length;
        return bytes;
    }

    private List<Object> list(int depth) {
        checkDepth(depth);
        position++;
        List<Object> elements = new ArrayList<>();
        while (peek() != 'e') {
            elements.add(value(depth));
        }
        position++;
        return Collections.unmodifiableList(elements);
    }

    private SortedMap<String, Object> dictionary(int depth) {
        checkDepth(depth);
        position++;
        TreeMap<String, Object> entries = new TreeMap<>(Bencode.KEY_ORDER);
        String previous = null;
        while (peek() != 'e') {
            int keyOffset = position;
            if (peek() < '0' || peek() > '9') {
                throw new BencodeException("dictionary key is not a string", keyOffset);
            }
            String key = utf8(string(), keyOffset);
            if (entries.containsKey(key)) {
                throw new BencodeException("duplicate dictionary key '" + key + "'", keyOffset);
            }
            if (options.requireSortedKeys() && previous != null && Bencode.KEY_ORDER.compare(previous, key) > 0) {
                throw new BencodeException("dictionary key '" + key + "' out of order", keyOffset);
            }
            entries.put(key, value(depth));
            previous = key;
        }
        position++;
        return Collections.unmodifiableSortedMap(entries);
    }

    /** Parses a canonical decimal number up to the terminator, which it consumes. */
    private long digits(char terminator, boolean signed) {
        int start = position;
        boolean negative = signed && peek() == '-';
        if (negative) {
            position++;
        }
        int firstDigit = position;
        long value = 0;
        while (peek() != terminator) {
            byte b = input[position];
            if (b < '0' || b > '9' || position - start >= MAX_INTEGER_CHARS) {
                throw new BencodeException("malformed number", start);
            }
            try {
                value = Math.addExact(Math.multiplyExact(value, 10), negative ? -(b - '0') : b - '0');
            } catch (ArithmeticException e) {
                throw new BencodeException("number out of range", start);
            }
            position++;
        }
        int digitCount = position - firstDigit;
        if (digitCount == 0) {
            throw new BencodeException("number without digits", start);
        }
        if (digitCount > 1 && input[firstDigit] == '0') {
            throw new BencodeException("number with leading zero", start);
        }
        if (negative && digitCount == 1 && input[firstDigit] == '0') {
            throw new BencodeException("negative zero", start);
        }
        position++;
        return value;
    }

    private byte peek() {
        if (position >= input.length) {
            throw new BencodeException("truncated input", position);
        }
        return input[position];
    }

    private void checkDepth(int depth) {
        if (depth > BencodeOptions.MAX_DEPTH) {
            throw new BencodeException("nesting deeper than " + BencodeOptions.MAX_DEPTH, position);
        }
    }

    private static String utf8(byte[] bytes, int offset) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BencodeException("dictionary key is not UTF-8", offset);
        }
    }
}
