package io.branchcast.contracts.manifest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * DecodedDictionary is a typed, read-only view over a decoded bencode dictionary that names the missing or mistyped
 * field in its errors. It is how the manifest records read their bencoded form.
 */
final class DecodedDictionary {

    /** Dictionary path for messages, e.g. "info" or "branchcast". */
    private final String path;
    private final Map<String, Object> entries;

    private DecodedDictionary(String path, Map<String, Object> entries) {
        this.path = path;
        this.entries = entries;
    }

    @SuppressWarnings("unchecked")
    static DecodedDictionary of(String path, Object value) {
        if (!(value instanceof SortedMap<?, ?>)) {
            throw new ManifestException(path + " is not a dictionary");
        }
        return new DecodedDictionary(path, (Map<String, Object>) value);
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Object raw(String key) {
        Object value = entries.get(key);
        if (value == null) {
            throw new ManifestException(path + " has no '" + key + "'");
        }
        return value;
    }

    long integer(String key) {
        if (raw(key) instanceof Long value) {
            return value;
        }
        throw new ManifestException(path + "." + key + " is not an integer");
    }

    byte[] bytes(String key) {
        if (raw(key) instanceof byte[] value) {
            return value;
        }
        throw new ManifestException(path + "." + key + " is not a byte string");
    }

    /** A UTF-8 text field; malformed UTF-8 is rejected rather than replaced. */
    String text(String key) {
        byte[] bytes = bytes(key);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!Arrays.equals(Bencode.utf8(text), bytes)) {
            throw new ManifestException(path + "." + key + " is not valid UTF-8");
        }
        return text;
    }

    DecodedDictionary dictionary(String key) {
        return of(path + "." + key, raw(key));
    }

    /** Rejects keys outside the allowed set, for dictionaries whose exact bytes are hashed or signed. */
    void requireOnly(Set<String> allowed) {
        for (String key : entries.keySet()) {
            if (!allowed.contains(key)) {
                throw new ManifestException(path + " has unsupported key '" + key + "'");
            }
        }
    }
}
