package io.branchcast.controlplane.artifacts;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ByteRange is one satisfiable byte range of a payload, first to last inclusive, as asked by an HTTP Range header
 * (RFC 9110 section 14). Only single ranges are served; a header this class does not understand (another unit,
 * several ranges, bad syntax) is ignored as the RFC allows, and the whole payload is sent.
 *
 * @param first offset of the first byte, 0 <= first <= last
 * @param last  offset of the last byte, last < payload size
 */
public record ByteRange(long first, long last) {

    // bytes=first-last | bytes=first- | bytes=-suffixLength
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** Thrown for a well-formed range that starts at or beyond the end of the payload: answer 416. */
    public static final class NotSatisfiable extends RuntimeException {
        NotSatisfiable(String message) {
            super(message);
        }
    }

    /** The range to serve from a payload of size bytes, or empty to serve it all. */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0) {
                throw new NotSatisfiable("the range '" + header + "' asks for no bytes");
            }
            return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? size - 1 : Long.parseLong(m.group(2));
        if (!m.group(2).isEmpty() && last < first) {
            return Optional.empty();
        }
        if (first >= size) {
            throw new NotSatisfiable("the range '" + header + "' starts beyond the end of the " + size + "-byte payload");
        }
        return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
    }

    public long length() {
        return last - first + 1;
    }

    /** The Content-Range header value of this range of a payload of size bytes. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
