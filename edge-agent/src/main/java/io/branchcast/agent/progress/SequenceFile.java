package io.branchcast.agent.progress;

import io.branchcast.agent.enrollment.PrivateFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * SequenceFile hands out the agent's event sequence numbers. One counter serves every job, so numbers grow per
 * (agent, job) as the control plane requires. To survive restarts without a disk write per event, it reserves blocks:
 * the file holds the first number not yet reserved, written (fsync'd) before any number of a new block is used, so a
 * restart continues above everything handed out before. Thread-safe; blocking.
 */
public final class SequenceFile {

    static final long BLOCK = 1000;

    private final Path file;
    private long next;
    private long reservedUntil;

    private SequenceFile(Path file, long start) {
        this.file = file;
        this.next = start;
        this.reservedUntil = start;
    }

    public static SequenceFile open(Path file) throws IOException {
        long start = 1;
        if (Files.exists(file)) {
            try {
                start = Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
            } catch (NumberFormatException e) {
                throw new IOException(file + " does not hold a sequence number; delete it only if the agent is"
                        + " enrolled again under a new id", e);
            }
        }
        return new SequenceFile(file, start);
    }

    public synchronized long next() throws IOException {
        if (next >= reservedUntil) {
            long until = next + BLOCK;
            PrivateFiles.writeAtomically(file, Long.toString(until).getBytes(StandardCharsets.US_ASCII));
            reservedUntil = until;
        }
        return next++;
    }
}
