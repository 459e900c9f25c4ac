package io.branchcast.controlplane.tracker;

import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.ErrorCode;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * AnnounceRequest is an announce's query, checked: the job, the port the agent's peer listener accepts connections on,
 * the event, and how many peers it wants.
 */
public record AnnounceRequest(UUID jobId, int port, AnnounceEvent event, int numwant) {

    public static final int DEFAULT_NUMWANT = 50;
    public static final int MAX_NUMWANT = 200;

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SMALL_NUMBER = Pattern.compile("[0-9]{1,6}");

    /** Parses the raw query parameters; a missing or out-of-range value is invalid (422), an unreadable one malformed (400). */
    public static AnnounceRequest parse(String jobId, String port, String event, String numwant) {
        if (jobId == null || jobId.isEmpty()) {
            throw ApiException.invalid("jobId is required");
        }
        if (!UUID_TEXT.matcher(jobId).matches()) {
            throw malformed("jobId must be a UUID");
        }
        if (port == null || port.isEmpty()) {
            throw ApiException.invalid("port is required");
        }
        int portNumber = number("port", port);
        if (portNumber < 1 || portNumber > 65535) {
            throw ApiException.invalid("port must be between 1 and 65535");
        }
        int wanted = numwant == null || numwant.isEmpty() ? DEFAULT_NUMWANT : number("numwant", numwant);
        if (wanted > MAX_NUMWANT) {
            throw ApiException.invalid("numwant must be at most " + MAX_NUMWANT);
        }
        return new AnnounceRequest(UUID.fromString(jobId), portNumber, AnnounceEvent.parse(event), wanted);
    }

    private static int number(String name, String text) {
        if (!SMALL_NUMBER.matcher(text).matches()) {
            throw malformed(name + " must be a non-negative whole number");
        }
        return Integer.parseInt(text);
    }

    private static ApiException malformed(String detail) {
        return new ApiException(ErrorCode.MALFORMED, detail);
    }
}
