package io.branchcast.agent.swarm.storage;

import static io.branchcast.agent.swarm.storage.StoreFixture.PIECE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.branchcast.agent.swarm.storage.StorageException.Code;
import io.netty.channel.FileRegion;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class FilePieceStoreTest {

    private final StoreFixture fixture = StoreFixture.fourPieces();
    @TempDir
    Path dir;
    private Path staging;
    private Path target;

    private Future<FilePieceStore> open(Vertx vertx, StoreFixture file, FilePieceStoreOptions options) {
        staging = dir.resolve("staging");
        target = dir.resolve("out").resolve("payload.bin");
        return FilePieceStore.open(vertx, file.manifest, staging, target, options);
    }

    private Future<FilePieceStore> open(Vertx vertx) {
        return open(vertx, fixture, new FilePieceStoreOptions());
    }

    @Test
    void writesVerifiesAndReadsBlocks(Vertx vertx, VertxTestContext test) {
        open(vertx).compose(store -> store.writeBlock(0, 0, fixture.piece(0).slice(0, PIECE / 2))
                .compose(v -> store.writeBlock(0, PIECE / 2, fixture.piece(0).slice(PIECE / 2, PIECE)))
                .compose(v -> store.verifyPiece(0))
                .compose(ok -> store.readBlock(0, 500, 100).map(block -> {
                    assertThat(ok).isTrue();
                    assertThat(block.getBytes()).isEqualTo(Arrays.copyOfRange(fixture.content, 500, 600));
                    assertThat(store.verifiedPieces()).isEqualTo(bits(0));
                    return store;
                }))
                .compose(FilePieceStore::close))
                .onComplete(test.succeedingThenComplete());
    }

    @Test
    void servesOnlyVerifiedBytesAsRegionsThatOutliveCompletionAndClose(Vertx vertx, VertxTestContext test) {
        Path sink = dir.resolve("sink.bin");
        open(vertx).compose(store -> download(store, 0, 1, 2)
                .map(v -> {
                    assertThat(send(store.verifiedRegion(1, 100, 300), sink))
                            .isEqualTo(Arrays.copyOfRange(fixture.content, PIECE + 100, PIECE + 400));
                    assertThatThrownBy(() -> store.verifiedRegion(3, 0, 16))
                            .isInstanceOfSatisfying(StorageException.class,
                                    e -> assertThat(e.code()).isEqualTo(Code.NOT_VERIFIED));
                    assertThatThrownBy(() -> store.verifiedRegion(1, PIECE - 8, 16))
                            .isInstanceOfSatisfying(StorageException.class,
                                    e -> assertThat(e.code()).isEqualTo(Code.OUT_OF_RANGE));
                    return store.verifiedRegion(2, 0, PIECE);
                })
                .compose(queued -> download(store, 3)
                        .compose(v -> store.complete())
                        .compose(path -> store.close())
                        .map(v -> {
                            // a block queued for a peer before completion and close is still sent whole
                            assertThat(send(queued, sink))
                                    .isEqualTo(Arrays.copyOfRange(fixture.content, 2 * PIECE, 3 * PIECE));
                            assertThatThrownBy(() -> store.verifiedRegion(0, 0, 16))
                                    .isInstanceOfSatisfying(StorageException.class,
                                            e -> assertThat(e.code()).isEqualTo(Code.CLOSED));
                            return null;
                        })))
                .onComplete(test.succeedingThenComplete());
    }

    /** Sends the region as a transport does (possibly in parts), releases it, and returns the bytes sent. */
    private static byte[] send(FileRegion region, Path sink) {
        try (FileChannel out = FileChannel.open(sink, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (region.transferred() < region.count()) {
                region.transferTo(out, region.transferred());
            }
            assertThat(region.release()).isTrue();
            return Files.readAllBytes(sink);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void runsWrittenOutOfOrderVerify(Vertx vertx, VertxTestContext test) {
        Buffer piece = fixture.piece(1);
        int quarter = PIECE / 4;
        open(vertx).compose(store -> store.writeBlocks(1, 2 * quarter, List.of(piece.slice(2 * quarter, 3 * quarter),
                        piece.slice(3 * quarter, PIECE)))
                .compose(v -> store.writeBlocks(1, 0, List.of(piece.slice(0, quarter), piece.slice(quarter, 2 * quarter))))
                .compose(v -> store.verifyPiece(1))
                .map(ok -> assertThat(ok).isTrue())
                .compose(v -> store.close()))
                .onComplete(test.succeedingThenComplete());
    }

    @Test
    void garbageWrittenOverHashedBytesIsCaught(Vertx vertx, VertxTestContext test) {
        Buffer piece = fixture.piece(2);
        open(vertx).compose(store -> store.writeBlocks(2, 0, List.of(piece.slice(0, PIECE / 2)))
                .compose(v -> store.writeBlock(2, 0, Buffer.buffer(new byte[PIECE / 2])))
                .compose(v -> store.writeBlock(2, PIECE / 2, piece.slice(PIECE / 2, PIECE)))
                .compose(v -> store.verifyPiece(2))
                .map(ok -> assertThat(ok).isFalse())
                .compose(v -> store.writeBlocks(2, 0, List.of(piece.slice(0, PIECE / 2), piece.slice(PIECE / 2, PIECE))))
                .compose(v -> store.verifyPiece(2))
                .map(ok -> assertThat(ok).isTrue())
                .compose(v -> store.close()))
                .onComplete(test.succeedingThenComplete());
    }

    @Test
    void corruptPieceIsRejectedAndNeverServed(Vertx vertx, VertxTestContext test) {
        Buffer garbage = Buffer.buffer(new byte[PIECE]);
        open(vertx).compose(store -> store.writeBlock(1, 0, garbage)
                .compose(v -> store.verifyPiece(1))
                .compose(ok -> {
                    assertThat(ok).isFalse();
                    assertThat(store.verifiedPieces()).isEqualTo(new BitSet());
                    return expectFailure(store.readBlock(1, 0, 16), Code.NOT_VERIFIED);
                })
                .compose(v -> store.writeBlock(1, 0, fixture.piece(1)))
                .compose(v -> store.verifyPiece(1))
                .map(ok -> assertThat(ok).isTrue())
                .compose(v -> store.close()))
                .onComplete(test.succeedingThenComplete());
    }

    @Test
    void writesToVerifiedPiecesAreIgnored(Vertx vertx, VertxTestContext test) {
        open(vertx).compose(store -> download(store, 0)
                .compose(v -> store.writeBlock(0, 0, Buffer.buffer(new byte[PIECE])))
                .compose(v -> store.readBlock(0, 0, PIECE))
                .map(block -> assertThat(block).isEqualTo(fixture.piece(0)))
                .compose(v -> store.close()))
                .onComplete(test.succeedingThenComplete());
    }

    @Test
    void resumeAfterReopenKeepsVerifiedPieces(Vertx vertx, VertxTestContext test) {
        FilePieceStoreOptions options = new FilePieceStoreOptions().setCheckpointInterval(100);
        open(vertx, fixture, options)
                .compose(store -> download(store, 0, 2).compose(v -> store.close()))
                .compose(v -> open(vertx, fixture, options))
                .compose(store -> {
                    assertThat(store.verifiedPieces()).isEqualTo(bits(0, 2));
                    return store.readBlock(2, 0, PIECE).map(block -> {
                        assertThat(block).isEqualTo(fixture.piece(2));
                        return store;
                    });
                })
                .compose(FilePieceStore::close)
                .onComplete(test.succeedingThenComplete());
    }

    @Test
    void checkpointsEveryNVerifiedPiecesWithoutAClose(Vertx vertx, VertxTestContext test) {
        FilePieceStoreOptions options = new FilePieceStoreOptions().setCheckpointInterval(2);
        open(vertx, fixture, options)
                .compose(store -> download(store, 1, 3)
                        .compose(v -> until(vertx, () -> resumeFiles().size() == 1))
                        .map(store))
                .compose(FilePieceStore::close)
                .onComplete(test.succeedingThenComplete());
    }

    @Test
    void rehashesStagedDataWhenTheResumeFileIsMissing(Vertx vertx, VertxTestContext test) {
        open(vertx).compose(store -> download(store, 0, 3).compose(v -> store.close()))
                .compose(v -> {
                    resumeFiles().forEach(FilePieceStoreTest::delete);
                    return open(vertx);
                })
                .compose(store -> {
                    assertThat(store.verifiedPieces()).isEqualTo(bits(0, 3));
                    return store.close();
                })
                .onComplete(test.succeedingThenComplete());
    }

    @Test
    void discardsStagedDataWithoutResumeFileWhenRescanIsOff(Vertx vertx, VertxTestContext test) {
        FilePieceStoreOptions noRescan = new FilePieceStoreOptions().setRescanWithoutResumeFile(false);
        open(vertx).compose(store -> download(store, 0).compose(v -> store.close()))
                .compose(v -> {
                    resumeFiles().forEach(FilePieceStoreTest::delete);
                    return open(vertx, fixture, noRescan);
                })
                .compose(store -> {
                    assertThat(store.verifiedPieces()).isEqualTo(new BitSet());
                    return store.close();
                })
                .onComplete(test.succeedingThenComplete());
    }

    @Test
    void finalPathStaysAbsentUntilComplete(Vertx vertx, VertxTestContext test) {
        open(vertx).compose(store -> download(store, 0, 1, 2)
                .compose(v -> expectFailure(store.complete(), Code.INCOMPLETE))
                .compose(v -> {
                    assertThat(target).doesNotExist();
                    return download(store, 3);
                })
                .compose(v -> store.complete())
                .compose(path -> {
                    assertThat(path).isEqualTo(target);
                    assertThat(readAll(target)).isEqualTo(fixture.content);
                    assertThat(listing(staging)).isEmpty();
                    return store.readBlock(3, 0, 1000);
                })
                .map(block -> assertThat(block).isEqualTo(fixture.piece(3)))
                .compose(v -> store.close()))
                .onComplete(test.succeedingThenComplete());
    }

    @Test
    void completeFailsWhenTheWholeFileSha256Mismatches(Vertx vertx, VertxTestContext test) {
        StoreFixture inconsistent = StoreFixture.withWrongSha256();
        open(vertx, inconsistent, new FilePieceStoreOptions())
                .compose(store -> download(store, 0, 1, 2, 3)
                        .compose(v -> expectFailure(store.complete(), Code.FILE_HASH_MISMATCH))
                        .map(error -> {
                            assertThat(error).hasMessageContaining("manifest is inconsistent");
                            assertThat(target).doesNotExist();
                            return store;
                        }))
                .compose(FilePieceStore::close)
                .onComplete(test.succeedingThenComplete());
    }

    @Test
    void completeUnverifiesPiecesCorruptedOnDisk(Vertx vertx, VertxTestContext test) {
        // The file digest reads pieces once the ones before them are verified: piece 1 is changed on disk after its
        // verification and before piece 0 arrives, so the digest reads the changed bytes.
        open(vertx).compose(store -> download(store, 1, 2, 3)
                .compose(v -> {
                    overwriteStaged(PIECE + 10, new byte[] {(byte) ~fixture.content[PIECE + 10]});
                    return download(store, 0);
                })
                .compose(v -> expectFailure(store.complete(), Code.FILE_HASH_MISMATCH))
                .compose(error -> {
                    assertThat(error).hasMessageContaining("1 pieces changed on disk");
                    assertThat(store.verifiedPieces()).isEqualTo(bits(0, 2, 3));
                    assertThat(target).doesNotExist();
                    return download(store, 1);
                })
                .compose(v -> store.complete())
                .map(path -> assertThat(readAll(path)).isEqualTo(fixture.content))
                .compose(v -> store.close()))
                .onComplete(test.succeedingThenComplete());
    }

    @Test
    void diskFullFailsTypedAndRemovesTheStagingFile(Vertx vertx, VertxTestContext test) {
        FilePieceStoreOptions options = new FilePieceStoreOptions()
                .setChannelOpener((path, modes) -> new FailingFileChannel(FileChannel.open(path, modes), PIECE + 1));
        open(vertx, fixture, options).compose(store -> download(store, 0)
                .compose(v -> expectFailure(store.writeBlock(1, 0, fixture.piece(1)), Code.DISK_FULL))
                .compose(error -> {
                    assertThat(listing(staging)).isEmpty();
                    assertThat(target).doesNotExist();
                    return expectFailure(store.writeBlock(2, 0, fixture.piece(2)), Code.DISK_FULL);
                })
                .map(error -> assertThat(error).hasMessageContaining("store failed earlier"))
                .compose(v -> store.close()))
                .onComplete(test.succeedingThenComplete());
    }

    @Test
    void refusesToDownloadOverAnExistingFile(Vertx vertx, VertxTestContext test) throws IOException {
        Files.createDirectories(dir.resolve("out"));
        Files.write(dir.resolve("out").resolve("payload.bin"), new byte[] {1});
        expectFailure(open(vertx), Code.TARGET_EXISTS)
                .map(error -> assertThat(readAll(target)).containsExactly(1))
                .onComplete(test.succeedingThenComplete());
    }

    @Test
    void rejectsBlocksOutsideTheTorrent(Vertx vertx, VertxTestContext test) {
        open(vertx).compose(store -> expectFailure(store.writeBlock(3, 900, Buffer.buffer(new byte[200])),
                        Code.OUT_OF_RANGE)
                .compose(v -> expectFailure(store.readBlock(4, 0, 1), Code.OUT_OF_RANGE))
                .compose(v -> expectFailure(store.verifyPiece(-1), Code.OUT_OF_RANGE))
                .compose(v -> store.close()))
                .onComplete(test.succeedingThenComplete());
    }

    @Test
    void seedsAnExistingFileAfterHashingIt(Vertx vertx, VertxTestContext test) throws IOException {
        Path file = dir.resolve("seed.bin");
        Files.write(file, fixture.content);
        FilePieceStore.openSeed(vertx, fixture.manifest, file, SeedTrust.HASH_CHECK, new FilePieceStoreOptions())
                .compose(store -> {
                    assertThat(store.verifiedPieces().cardinality()).isEqualTo(fixture.pieceCount());
                    return store.readBlock(1, 16, 32).map(block -> {
                        assertThat(block.getBytes()).isEqualTo(Arrays.copyOfRange(fixture.content, PIECE + 16,
                                PIECE + 48));
                        return store;
                    });
                })
                .compose(FilePieceStore::close)
                .onComplete(test.succeedingThenComplete());
    }

    @Test
    void refusesToSeedAFileThatDoesNotMatch(Vertx vertx, VertxTestContext test) throws IOException {
        Path file = dir.resolve("seed.bin");
        byte[] altered = fixture.content.clone();
        altered[5] ^= 1;
        Files.write(file, altered);
        expectFailure(FilePieceStore.openSeed(vertx, fixture.manifest, file, SeedTrust.HASH_CHECK,
                new FilePieceStoreOptions()), Code.FILE_HASH_MISMATCH)
                .onComplete(test.succeedingThenComplete());
    }

    /** Writes each piece in two blocks, then verifies it, piece after piece. */
    private Future<Void> download(PieceStore store, int... pieces) {
        Future<Void> chain = Future.succeededFuture();
        for (int piece : pieces) {
            Buffer data = fixture.piece(piece);
            int half = data.length() / 2;
            chain = chain.compose(v -> store.writeBlock(piece, 0, data.slice(0, half)))
                    .compose(v -> store.writeBlock(piece, half, data.slice(half, data.length())))
                    .compose(v -> store.verifyPiece(piece))
                    .compose(ok -> ok ? Future.succeededFuture() : Future.failedFuture("piece " + piece + " failed"));
        }
        return chain;
    }

    private static Future<StorageException> expectFailure(Future<?> future, Code code) {
        return future.transform(result -> {
            if (result.succeeded()) {
                return Future.failedFuture(new AssertionError("expected " + code + ", got success"));
            }
            assertThat(result.cause()).isInstanceOf(StorageException.class);
            StorageException error = (StorageException) result.cause();
            assertThat(error.code()).as(error.getMessage()).isEqualTo(code);
            return Future.succeededFuture(error);
        });
    }

    /** Completes once the condition holds (checked every 10 ms), fails after 5 s: for a store's background work. */
    private static Future<Void> until(Vertx vertx, BooleanSupplier condition) {
        Promise<Void> done = Promise.promise();
        vertx.setPeriodic(10, timer -> {
            if (condition.getAsBoolean()) {
                vertx.cancelTimer(timer);
                done.tryComplete();
            }
        });
        return done.future().timeout(5, TimeUnit.SECONDS);
    }

    private void overwriteStaged(long position, byte[] bytes) {
        try (Stream<Path> files = Files.list(staging);
             FileChannel channel = FileChannel.open(files.filter(p -> p.toString().endsWith(".part")).findFirst()
                     .orElseThrow(), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), position);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<Path> resumeFiles() {
        return listing(staging).stream().filter(p -> p.toString().endsWith(".resume")).toList();
    }

    private static List<Path> listing(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static BitSet bits(int... indexes) {
        BitSet bits = new BitSet();
        Arrays.stream(indexes).forEach(bits::set);
        return bits;
    }
}
