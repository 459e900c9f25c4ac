package io.branchcast.agent.swarm.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Directories makes a rename durable by flushing the directory entry (POSIX file systems need it after a rename). */
final class Directories {

    private Directories() {
    }

    static void fsync(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
