package io.branchcast.controlplane.artifacts;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * DirectoryArtifactStorage keeps payloads as files named by key in {@code <directory>/objects}. An upload is written to
 * {@code <key>.part} in the same directory, synced, and renamed to {@code <key>} in one atomic step, so a reader never
 * sees a partial file. Leftover {@code .part} files (from a crash) are removed at startup; the directory is meant for
 * one control-plane replica.
 */
@ApplicationScoped
@Startup
public class DirectoryArtifactStorage implements ArtifactStorage {

    private static final Logger LOG = Logger.getLogger(DirectoryArtifactStorage.class);
    private static final String PART_SUFFIX = ".part";
    /** Keys are file names of our own making: no separators, no dots at the start, so no way out of the directory. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,199}");

    @Inject
    ArtifactsConfig config;

    /** Absolute, normalized, created at startup. */
    private Path objects;

    @PostConstruct
    void start() {
        objects = config.root().resolve("objects");
        try {
            Files.createDirectories(objects);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(objects, "*" + PART_SUFFIX)) {
                for (Path part : leftovers) {
                    LOG.infof("removing unfinished upload %s", part);
                    Files.deleteIfExists(part);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the artifact directory " + objects, e);
        }
    }

    @Override
    public Upload begin(String key) throws IOException {
        Path target = file(key);
        Path part = target.resolveSibling(key + PART_SUFFIX);
        return new FileUpload(FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), part, target);
    }

    @Override
    public void adopt(Path file, String key) throws IOException {
        Files.move(file, file(key), StandardCopyOption.ATOMIC_MOVE);
        syncDirectory();
    }

    @Override
    public Path locate(String key) {
        return file(key);
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(file(key));
    }

    @Override
    public long usableSpace() throws IOException {
        return Files.getFileStore(objects).getUsableSpace();
    }

    private Path file(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("invalid storage key '" + key + "'");
        }
        return objects.resolve(key);
    }

    /** Makes a rename durable: on Linux, fsync of the directory persists its entries. */
    private void syncDirectory() throws IOException {
        try (FileChannel directory = FileChannel.open(objects, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    /** FileUpload writes one payload to its .part file. */
    private final class FileUpload implements Upload {

        private final FileChannel channel;
        private final Path part;
        private final Path target;
        /** Set once the .part file became the payload; close() then leaves it alone. */
        private boolean committed;

        FileUpload(FileChannel channel, Path part, Path target) {
            this.channel = channel;
            this.part = part;
            this.target = target;
        }

        @Override
        public void write(ByteBuffer bytes) throws IOException {
            try {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            } catch (IOException e) {
                throw isFull(e) ? new StorageFullException("the artifact volume is full", e) : e;
            }
        }

        @Override
        public void commit() throws IOException {
            try {
                channel.force(true);
            } catch (IOException e) {
                throw isFull(e) ? new StorageFullException("the artifact volume is full", e) : e;
            }
            channel.close();
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            syncDirectory();
        }

        @Override
        public void close() throws IOException {
            channel.close();
            if (!committed) {
                Files.deleteIfExists(part);
            }
        }

        private boolean isFull(IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("No space left")) {
                return true;
            }
            try {
                return usableSpace() == 0;
            } catch (IOException unknown) {
                return false;
            }
        }
    }
}
