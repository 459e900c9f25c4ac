package io.branchcast.agent.swarm.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * MiniBencode is the small, strict bencode reader and writer the BEP 10 extended handshake needs: integers (Long),
 * strings (byte[]), lists and dictionaries with sorted string keys (Map). It stands in until the contracts module's
 * Bencode is available and is not a general-purpose codec. Malformed input is a {@link ProtocolViolation}.
 */
final class MiniBencode {

    /** Nesting bound: the extended handshake needs 2 levels. */
    private static final int MAX_DEPTH = 8;

    private final byte[] in;
    private int pos;

    private MiniBencode(byte[] in) {
        this.in = in;
    }

    static Object decode(byte[] input) {
        MiniBencode reader = new MiniBencode(input);
        Object value = reader.value(0);
        if (reader.pos != input.length) {
            throw malformed("trailing bytes");
        }
        return value;
    }

    static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(value, out);
        return out.toByteArray();
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw malformed("nesting too deep");
        }
        int c = peek();
        if (c == 'i') {
            pos++;
            long v = number('e');
            return v;
        }
        if (c == 'l') {
            pos++;
            List<Object> list = new ArrayList<>();
            while (peek() != 'e') {
                list.add(value(depth + 1));
            }
            pos++;
            return list;
        }
        if (c == 'd') {
            pos++;
            Map<String, Object> dict = new TreeMap<>();
            while (peek() != 'e') {
                String key = new String(string(), StandardCharsets.UTF_8);
                dict.put(key, value(depth + 1));
            }
            pos++;
            return dict;
        }
        return string();
    }

    private byte[] string() {
        long length = number(':');
        if (length < 0 || length > in.length - pos) {
            throw malformed("string length " + length);
        }
        byte[] s = new byte[(int) length];
        System.arraycopy(in, pos, s, 0, s.length);
        pos += s.length;
        return s;
    }

    private long number(char terminator) {
        int start = pos;
        while (peek() != terminator) {
            pos++;
            if (pos - start > 19) {
                throw malformed("number too long");
            }
        }
        String digits = new String(in, start, pos - start, StandardCharsets.US_ASCII);
        pos++;
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw malformed("number '" + digits + "'");
        }
    }

    private int peek() {
        if (pos >= in.length) {
            throw malformed("truncated");
        }
        return in[pos];
    }

    private static void write(Object value, ByteArrayOutputStream out) {
        if (value instanceof Number n) {
            out.writeBytes(("i" + n.longValue() + "e").getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof String s) {
            writeString(s.getBytes(StandardCharsets.UTF_8), out);
        } else if (value instanceof byte[] b) {
            writeString(b, out);
        } else if (value instanceof List<?> list) {
            out.write('l');
            list.forEach(item -> write(item, out));
            out.write('e');
        } else if (value instanceof Map<?, ?> map) {
            out.write('d');
            new TreeMap<>(map).forEach((k, v) -> {
                writeString(((String) k).getBytes(StandardCharsets.UTF_8), out);
                write(v, out);
            });
            out.write('e');
        } else {
            throw new IllegalArgumentException("not bencodable: " + value);
        }
    }

    private static void writeString(byte[] s, ByteArrayOutputStream out) {
        out.writeBytes((s.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(s);
    }

    private static ProtocolViolation malformed(String detail) {
        return new ProtocolViolation(DisconnectReason.MALFORMED_MESSAGE, "bencode: " + detail);
    }
}
