package io.branchcast.agent.swarm.storage;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.function.Consumer;

/** FileReads are the positional reads of stored data that hashing and serving share. */
final class FileReads {

    private FileReads() {
    }

    /** Fills the buffer from the file at position; fails if the file ends first. */
    static void readFully(FileChannel source, ByteBuffer buffer, long position) throws IOException {
        long next = position;
        while (buffer.hasRemaining()) {
            int read = source.read(buffer, next);
            if (read < 0) {
                throw new EOFException("data file ends at " + next);
            }
            next += read;
        }
    }

    /**
     * Reads the bytes [from, end) of the file through the buffer, handing each filled part (flipped, readable) to the
     * sink, e.g. a digest.
     */
    static void feed(FileChannel source, long from, long end, ByteBuffer buffer, Consumer<ByteBuffer> sink)
            throws IOException {
        long position = from;
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            readFully(source, buffer, position);
            position += buffer.position();
            sink.accept(buffer.flip());
        }
    }
}
