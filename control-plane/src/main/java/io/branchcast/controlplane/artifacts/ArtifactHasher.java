package io.branchcast.controlplane.artifacts;

import io.branchcast.contracts.manifest.PieceHasher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ArtifactHasher hashes registered payloads in the background, {@code hashing-threads} at a time: one sequential pass
 * per file with a fixed direct buffer, saving progress about once a second, then signing the manifest (READY) or
 * recording why it failed (FAILED). Artifacts left HASHING by a stop are hashed again at the next start.
 */
@ApplicationScoped
public class ArtifactHasher {

    private static final Logger LOG = Logger.getLogger(ArtifactHasher.class);
    private static final int BUFFER = 1024 * 1024;
    private static final long PROGRESS_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    @Inject
    ArtifactsConfig config;

    @Inject
    ArtifactStorage storage;

    @Inject
    PieceLengthPolicy pieceLengths;

    @Inject
    ArtifactRecords records;

    @Inject
    ArtifactRepository artifacts;

    @Inject
    Event<HashingEnded> ended;

    /** Runs hashing tasks; created at startup, shut down at stop. */
    private ExecutorService executor;

    void start(@Observes StartupEvent event) {
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(config.hashingThreads(), task -> {
            Thread thread = new Thread(task, "branchcast-hasher-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<Artifact> unfinished = QuarkusTransaction.requiringNew().call(artifacts::listHashing);
        for (Artifact artifact : unfinished) {
            LOG.infof("resuming the hashing of artifact %s", artifact.id);
            submit(artifact.id, artifact.storageKey, artifact.sizeBytes);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    public void submit(UUID id, String storageKey, long size) {
        executor.execute(() -> hash(id, storageKey, size));
    }

    private void hash(UUID id, String storageKey, long size) {
        long started = System.nanoTime();
        int pieceLength = pieceLengths.pieceLengthFor(size);
        PieceHasher hasher = new PieceHasher(pieceLength, size);
        ArtifactState outcome = ArtifactState.FAILED;
        try (FileChannel file = FileChannel.open(storage.locate(storageKey), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
            long lastSave = started;
            while (file.read(buffer) >= 0) {
                buffer.flip();
                hasher.update(buffer);
                buffer.clear();
                if (System.nanoTime() - lastSave > PROGRESS_INTERVAL_NANOS) {
                    records.saveProgress(id, hasher.length());
                    lastSave = System.nanoTime();
                }
            }
            if (hasher.length() != size) {
                records.markFailed(id, "the file changed while it was hashed: " + hasher.length() + " bytes instead of " + size);
            } else if (records.markReady(id, hasher.finish())) {
                outcome = ArtifactState.READY;
                LOG.infof("artifact %s is READY (%d bytes)", id, size);
            }
        } catch (ClosedByInterruptException e) {
            outcome = ArtifactState.HASHING;
            LOG.infof("hashing of artifact %s stopped at %d bytes by shutdown; it resumes at the next start", id, hasher.length());
        } catch (Exception e) {
            LOG.warnf(e, "hashing of artifact %s failed", id);
            records.markFailed(id, "hashing failed: " + e);
        } finally {
            ended.fire(new HashingEnded(id, outcome, hasher.length(), System.nanoTime() - started));
        }
    }
}
