package io.branchcast.agent.jobs;

import io.branchcast.agent.enrollment.PrivateFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PositionFile keeps the offset of the next desired-state record the agent has not applied
 * ({@code <state.dir>/desired-state.offset}). Blocking.
 */
public final class PositionFile {

    private final Path file;

    public PositionFile(Path file) {
        this.file = file;
    }

    /** The saved offset, or -1 when none was saved. */
    public long read() throws IOException {
        if (!Files.exists(file)) {
            return -1;
        }
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public void write(long offset) throws IOException {
        PrivateFiles.writeAtomically(file, Long.toString(offset).getBytes(StandardCharsets.US_ASCII));
    }
}
