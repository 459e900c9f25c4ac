package io.branchcast.agent.swarm;

import io.branchcast.agent.origin.RangeOriginServer;
import io.branchcast.agent.origin.UnlimitedOriginScheduler;
import io.branchcast.agent.origin.WebSeedFetcher;
import io.branchcast.agent.origin.WebSeedOptions;
import io.branchcast.agent.swarm.peers.PeerBanList;
import io.branchcast.agent.swarm.peers.PeerSource;
import io.branchcast.agent.swarm.peers.StaticPeerSource;
import io.branchcast.agent.swarm.wire.BlockRef;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class SwarmSessionTest {

    private static final int SIZE = 8 * 1024 * 1024 + 12_345;

    @TempDir
    Path root;

    @Test
    void one_seeder_and_three_leechers_all_end_with_the_file(Vertx vertx, VertxTestContext test) {
        SwarmTestKit kit = new SwarmTestKit(vertx, root, SIZE, 1);
        List<String> hosts = List.of("127.0.0.3", "127.0.0.4", "127.0.0.5");
        List<SwarmSession> sessions = new ArrayList<>();

        Future<SwarmSession> chain = kit.seeder("127.0.0.2").onSuccess(sessions::add);
        for (String host : hosts) {
            chain = chain.compose(previous -> kit.downloadStore(host).compose(store -> kit.deploy(
                    SwarmSession.builder(kit.manifest, store).options(SwarmTestKit.options(host))
                            .peerSource(SwarmTestKit.peers(sessions.toArray(SwarmSession[]::new))).build())))
                    .onSuccess(sessions::add);
        }
        chain.compose(last -> Future.all(sessions.subList(1, 4).stream().map(SwarmSession::completion).toList()))
                .onComplete(test.succeeding(done -> test.verify(() -> {
                    for (String host : hosts) {
                        assertThat(SwarmTestKit.sha256(kit.output(host))).as(host).isEqualTo(kit.expectedSha256());
                    }
                    test.completeNow();
                })));
    }

    @Test
    void a_peer_that_serves_128_kib_gets_requests_of_up_to_128_kib_and_the_file_completes(Vertx vertx,
            VertxTestContext test) {
        downloadFromServingPeer(vertx, test, BlockRef.MAX_REQUEST_LENGTH, requests -> {
            assertThat(requests).allSatisfy(block -> {
                assertThat(block.begin() % BlockRef.MAX_BLOCK_LENGTH).isZero();
                assertThat(block.begin() / BlockRef.MAX_REQUEST_LENGTH)
                        .as("one 128 KiB window of the piece: %s", block)
                        .isEqualTo((block.begin() + block.length() - 1) / BlockRef.MAX_REQUEST_LENGTH);
            });
            assertThat(requests).filteredOn(block -> block.length() == BlockRef.MAX_REQUEST_LENGTH)
                    .as("most requests take a whole window").hasSizeGreaterThan(requests.size() / 2);
        });
    }

    @Test
    void a_peer_without_the_request_length_key_gets_requests_of_16_kib(Vertx vertx, VertxTestContext test) {
        downloadFromServingPeer(vertx, test, 0, requests -> assertThat(requests)
                .allSatisfy(block -> assertThat(block.length()).isLessThanOrEqualTo(BlockRef.MAX_BLOCK_LENGTH)));
    }

    /** A leecher downloads from a ServingPeer alone; every byte is asked for once and the file is right. */
    private void downloadFromServingPeer(Vertx vertx, VertxTestContext test, int advertised,
            Consumer<List<BlockRef>> requestCheck) {
        SwarmTestKit kit = new SwarmTestKit(vertx, root, SIZE, 6);
        String host = "127.0.0.3";

        ServingPeer.withPayload(vertx, "127.0.0.9", kit, advertised).compose(seeder -> kit.downloadStore(host)
                        .compose(store -> kit.deploy(SwarmSession.builder(kit.manifest, store)
                                .options(SwarmTestKit.options(host))
                                .peerSource(new StaticPeerSource(List.of(seeder.address()))).build()))
                        .compose(session -> session.completion().map(seeder)))
                .onComplete(test.succeeding(seeder -> test.verify(() -> {
                    assertThat(SwarmTestKit.sha256(kit.output(host))).isEqualTo(kit.expectedSha256());
                    assertThat(seeder.requests.stream().mapToLong(BlockRef::length).sum()).isEqualTo(SIZE);
                    requestCheck.accept(seeder.requests);
                    test.completeNow();
                })));
    }

    @Test
    void a_leecher_without_peers_fetches_every_piece_from_the_origin(Vertx vertx, VertxTestContext test) {
        SwarmTestKit kit = new SwarmTestKit(vertx, root, SIZE, 2);
        String host = "127.0.0.3";

        RangeOriginServer.start(vertx, "127.0.0.6", kit.payload).compose(origin -> kit.downloadStore(host)
                        .compose(store -> kit.deploy(SwarmSession.builder(kit.manifest, store)
                                .options(SwarmTestKit.options(host))
                                .origin(fetcher(vertx, origin.url())).build()))
                        .compose(session -> session.completion().map(path -> session)))
                .onComplete(test.succeeding(session -> test.verify(() -> {
                    assertThat(SwarmTestKit.sha256(kit.output(host))).isEqualTo(kit.expectedSha256());
                    assertThat(session.stats().bytesFromOrigin()).isEqualTo(SIZE);
                    assertThat(session.stats().bytesFromPeers()).isZero();
                    test.completeNow();
                })));
    }

    @Test
    void a_session_with_a_start_time_connects_at_once_and_downloads_nothing_before_it(Vertx vertx,
            VertxTestContext test) {
        SwarmTestKit kit = new SwarmTestKit(vertx, root, SIZE, 5);
        String host = "127.0.0.3";
        long startAt = System.currentTimeMillis() + 1_500;

        kit.seeder("127.0.0.2").compose(seeder -> kit.downloadStore(host).compose(store -> kit.deploy(
                        SwarmSession.builder(kit.manifest, store)
                                .options(SwarmTestKit.options(host).setStartAtMillis(startAt))
                                .peerSource(SwarmTestKit.peers(seeder)).build())))
                .compose(session -> {
                    Promise<SwarmStats> beforeStart = Promise.promise();
                    vertx.setTimer(1_000, id -> beforeStart.complete(session.stats()));
                    return beforeStart.future().compose(stats -> session.completion()
                            .map(path -> List.of(stats, session.stats())));
                })
                .onComplete(test.succeeding(stats -> test.verify(() -> {
                    SwarmStats beforeStart = stats.get(0);
                    assertThat(beforeStart.peers()).as("connected before the start").hasSize(1);
                    assertThat(beforeStart.bytesFromPeers()).as("downloaded before the start").isZero();
                    assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(startAt);
                    assertThat(SwarmTestKit.sha256(kit.output(host))).isEqualTo(kit.expectedSha256());
                    test.completeNow();
                })));
    }

    @Test
    void a_peer_serving_corrupt_blocks_is_banned_and_the_file_still_completes(Vertx vertx, VertxTestContext test)
            throws InterruptedException {
        SwarmTestKit kit = new SwarmTestKit(vertx, root, SIZE, 3);
        String host = "127.0.0.3";
        PeerBanList bans = new PeerBanList();

        kit.seeder("127.0.0.2").compose(seeder -> CorruptPeer.garbage(vertx, "127.0.0.7", kit.manifest)
                        .compose(corrupt -> kit.downloadStore(host).compose(store -> kit.deploy(
                                SwarmSession.builder(kit.manifest, store).options(SwarmTestKit.options(host))
                                        .banList(bans)
                                        .peerSource(seederOnceBanned(vertx, corrupt, seeder, bans)).build()))))
                .compose(session -> session.completion().map(path -> session))
                .onComplete(test.succeeding(session -> test.verify(() -> {
                    assertThat(SwarmTestKit.sha256(kit.output(host))).isEqualTo(kit.expectedSha256());
                    assertThat(bans.isBanned("127.0.0.7")).isTrue();
                    assertThat(bans.isBanned("127.0.0.2")).isFalse();
                    assertThat(session.stats().hashFailures()).isPositive();
                    test.completeNow();
                })));
        assertThat(test.awaitCompletion(60, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * Reports the corrupt peer at once and the seeder only after the corrupt peer is banned: with both at once, a fast
     * seeder can deliver the whole file before any garbage block is accepted, and there is nothing to detect.
     */
    private static PeerSource seederOnceBanned(Vertx vertx, ServingPeer corrupt, SwarmSession seeder,
            PeerBanList bans) {
        return new PeerSource() {
            private long timer = -1;

            @Override
            public Future<Void> start(Handler<SocketAddress> onPeer) {
                onPeer.handle(corrupt.address());
                timer = vertx.setPeriodic(20, id -> {
                    if (bans.isBanned(corrupt.address().host())) {
                        vertx.cancelTimer(id);
                        onPeer.handle(seeder.listenAddress());
                    }
                });
                return Future.succeededFuture();
            }

            @Override
            public Future<Void> stop() {
                vertx.cancelTimer(timer);
                return Future.succeededFuture();
            }
        };
    }

    @Test
    void a_block_nobody_requested_gets_the_sender_disconnected(Vertx vertx, VertxTestContext test) {
        SwarmTestKit kit = new SwarmTestKit(vertx, root, SIZE, 4);
        String host = "127.0.0.3";

        CorruptPeer.unsolicited(vertx, "127.0.0.8", kit.manifest).compose(peer -> kit.downloadStore(host)
                        .compose(store -> kit.deploy(SwarmSession.builder(kit.manifest, store)
                                .options(SwarmTestKit.options(host))
                                .peerSource(new StaticPeerSource(List.of(peer.address()))).build()))
                        .compose(session -> peer.closed.future().map(session)))
                .onComplete(test.succeeding(session -> test.verify(() -> {
                    assertThat(session.stats() == null || session.stats().piecesVerified() == 0).isTrue();
                    test.completeNow();
                })));
    }

    private static WebSeedFetcher fetcher(Vertx vertx, String url) {
        return new WebSeedFetcher(vertx, WebClient.create(vertx), new WebSeedOptions().setUrl(url),
                new UnlimitedOriginScheduler(), null);
    }
}
