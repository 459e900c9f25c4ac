package io.branchcast.agent.swarm.wire;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * ExtendedHandshake is the content of a BEP 10 extended handshake: the {@code m} dictionary of extension names to
 * message ids, the listen port {@code p} (0 when absent), the client name {@code v} (empty when absent), the
 * request queue depth {@code reqq} the sender accepts (0 when absent) and, Branchcast's own key, the largest block the
 * sender serves in one request, {@code bc_block} (0 when absent: the 16 KiB of BEP 3 practice). Unknown keys are
 * ignored, as BEP 10 asks.
 */
public record ExtendedHandshake(Map<String, Integer> messages, int listenPort, String client, int requestQueueLength,
        int maxRequestLength) {

    /** The dictionary key of {@link #maxRequestLength()}. */
    static final String MAX_REQUEST_LENGTH_KEY = "bc_block";

    public ExtendedHandshake {
        messages = Map.copyOf(messages);
        if (listenPort < 0 || listenPort > 65535) {
            throw new ProtocolViolation(DisconnectReason.MALFORMED_MESSAGE, "listen port " + listenPort);
        }
        if (requestQueueLength < 0) {
            throw new ProtocolViolation(DisconnectReason.MALFORMED_MESSAGE, "reqq " + requestQueueLength);
        }
        if (maxRequestLength < 0) {
            throw new ProtocolViolation(DisconnectReason.MALFORMED_MESSAGE, "bc_block " + maxRequestLength);
        }
        client = client == null ? "" : client;
    }

    /** The extended message (id 0) carrying this handshake. */
    public Extended toMessage() {
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("m", new TreeMap<>(messages));
        if (listenPort > 0) {
            dict.put("p", listenPort);
        }
        if (!client.isEmpty()) {
            dict.put("v", client);
        }
        if (requestQueueLength > 0) {
            dict.put("reqq", requestQueueLength);
        }
        if (maxRequestLength > 0) {
            dict.put(MAX_REQUEST_LENGTH_KEY, maxRequestLength);
        }
        return new Extended(Extended.HANDSHAKE_ID, Buffer.buffer(MiniBencode.encode(dict)));
    }

    /**
     * Reads the handshake from an extended message with id 0.
     *
     * @throws ProtocolViolation MALFORMED_MESSAGE when the payload is not a bencoded dictionary of the expected shape
     */
    public static ExtendedHandshake from(Extended message) {
        if (message.extendedId() != Extended.HANDSHAKE_ID) {
            throw malformed("extended id " + message.extendedId() + " is not a handshake");
        }
        if (!(MiniBencode.decode(message.payload().getBytes()) instanceof Map<?, ?> dict)) {
            throw malformed("payload is not a dictionary");
        }
        Map<String, Integer> messages = new TreeMap<>();
        Object m = dict.get("m");
        if (m != null) {
            if (!(m instanceof Map<?, ?> ids)) {
                throw malformed("'m' is not a dictionary");
            }
            ids.forEach((name, id) -> messages.put((String) name, intValue(id, "m." + name, 0, 255)));
        }
        int port = dict.containsKey("p") ? intValue(dict.get("p"), "p", 0, 65535) : 0;
        int reqq = dict.containsKey("reqq") ? intValue(dict.get("reqq"), "reqq", 0, Integer.MAX_VALUE) : 0;
        int maxRequest = dict.containsKey(MAX_REQUEST_LENGTH_KEY)
                ? intValue(dict.get(MAX_REQUEST_LENGTH_KEY), MAX_REQUEST_LENGTH_KEY, 0, Integer.MAX_VALUE) : 0;
        Object v = dict.get("v");
        String client = v instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : "";
        return new ExtendedHandshake(messages, port, client, reqq, maxRequest);
    }

    private static int intValue(Object value, String key, long min, long max) {
        if (!(value instanceof Long n) || n < min || n > max) {
            throw malformed("'" + key + "' is not an integer in [" + min + ", " + max + "]");
        }
        return n.intValue();
    }

    private static ProtocolViolation malformed(String detail) {
        return new ProtocolViolation(DisconnectReason.MALFORMED_MESSAGE, "extended handshake: " + detail);
    }
}
