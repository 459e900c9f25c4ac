package io.branchcast.agent.swarm.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * FileInstaller moves a finished staging file to its final path so that the final path only ever holds the complete
 * file: a rename when staging and target share a file system, otherwise a copy to a hidden temporary file beside the
 * target, fsync, then a rename. The target directory is fsynced so the new entry survives a crash.
 */
final class FileInstaller {

    private FileInstaller() {
    }

    static void install(Path staged, Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException crossFileSystem) {
            copyThenRename(staged, target);
            Files.delete(staged);
        }
        Directories.fsync(directory);
    }

    private static void copyThenRename(Path staged, Path target) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".installing");
        try {
            Files.copy(staged, temporary, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }
}
