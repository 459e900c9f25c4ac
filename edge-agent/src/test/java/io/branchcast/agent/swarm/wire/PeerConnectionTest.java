package io.branchcast.agent.swarm.wire;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class PeerConnectionTest {

    private static final PeerConnectionOptions OPTIONS = new PeerConnectionOptions();

    @Test
    void two_agents_handshake_and_serve_requests_of_16_and_128_kib(Vertx vertx, VertxTestContext test) {
        LoopbackPeer.listen(vertx, "127.0.0.2", OPTIONS).compose(seeder ->
                LoopbackPeer.connect(vertx, "127.0.0.3", seeder.address(), OPTIONS).compose(leecher ->
                        seeder.connected.future().compose(up -> leecher.connected.future().map(down -> {
                            test.verify(() -> {
                                assertThat(down.fastEnabled()).isTrue();
                                assertThat(down.extensionProtocolEnabled()).isTrue();
                                assertThat(up.remoteAddress().host()).isEqualTo("127.0.0.3");
                            });
                            up.uploadReadyHandler(v -> {
                                Request request = up.pollRequest();
                                if (request != null) {
                                    up.send(new Piece(request.block().pieceIndex(), request.block().begin(),
                                            Buffer.buffer(new byte[request.block().length()])));
                                }
                            });
                            up.send(HaveAll.INSTANCE);
                            up.send(Unchoke.INSTANCE);
                            down.send(Interested.INSTANCE);
                            down.send(new Request(1, 0, 16384));
                            down.send(new Request(2, 0, BlockRef.MAX_REQUEST_LENGTH));
                            return leecher;
                        }))))
                .onFailure(test::failNow)
                .onSuccess(leecher -> vertx.setPeriodic(10, id -> {
                    if (leecher.received.size() == 4) {
                        vertx.cancelTimer(id);
                        test.verify(() -> assertThat(leecher.received).containsExactly(HaveAll.INSTANCE,
                                Unchoke.INSTANCE, new Piece(1, 0, Buffer.buffer(new byte[16384])),
                                new Piece(2, 0, Buffer.buffer(new byte[BlockRef.MAX_REQUEST_LENGTH]))));
                        test.completeNow();
                    }
                }));
    }

    @Test
    void a_request_longer_than_16_kib_without_the_extension_protocol_is_cut_off(Vertx vertx, VertxTestContext test) {
        Buffer attack = LoopbackPeer.plainHandshake(LoopbackPeer.INFO_HASH)
                .appendBuffer(new WireCodec(WireCodecTest.LIMITS).encode(new Request(0, 0, 32768)));

        expectDisconnect(vertx, test, attack, OPTIONS, DisconnectReason.INVALID_BLOCK_LENGTH);
    }

    @Test
    void a_request_longer_than_advertised_is_cut_off(Vertx vertx, VertxTestContext test) {
        Buffer attack = WireCodec.encodeHandshake(Handshake.of(LoopbackPeer.INFO_HASH, PeerId.random()))
                .appendBuffer(new WireCodec(WireCodecTest.LIMITS).encode(new Request(0, 0, 65536 + 16384)));

        expectDisconnect(vertx, test, attack, new PeerConnectionOptions().setMaxRequestLength(65536),
                DisconnectReason.INVALID_BLOCK_LENGTH);
    }

    @Test
    void cuts_off_a_2_gib_length_prefix_at_once(Vertx vertx, VertxTestContext test) {
        Buffer attack = LoopbackPeer.plainHandshake(LoopbackPeer.INFO_HASH).appendInt(Integer.MAX_VALUE)
                .appendBytes(new byte[1024]);

        expectDisconnect(vertx, test, attack, OPTIONS, DisconnectReason.MESSAGE_TOO_LARGE);
    }

    @Test
    void garbage_bytes_are_a_bad_handshake(Vertx vertx, VertxTestContext test) {
        Buffer garbage = Buffer.buffer("GET / HTTP/1.1\r\nHost: example\r\n\r\n").appendBytes(new byte[64]);

        expectDisconnect(vertx, test, garbage, OPTIONS, DisconnectReason.BAD_HANDSHAKE);
    }

    @Test
    void a_handshake_for_another_torrent_is_refused(Vertx vertx, VertxTestContext test) {
        Buffer other = LoopbackPeer.plainHandshake(InfoHash.ofHex("ffffffffffffffffffffffffffffffffffffffff"));

        expectDisconnect(vertx, test, other, OPTIONS, DisconnectReason.WRONG_INFO_HASH);
    }

    @Test
    void slow_loris_handshake_times_out(Vertx vertx, VertxTestContext test) {
        Buffer partial = LoopbackPeer.plainHandshake(LoopbackPeer.INFO_HASH).slice(0, 30);

        expectDisconnect(vertx, test, partial, new PeerConnectionOptions().setHandshakeTimeoutMs(200),
                DisconnectReason.TIMEOUT);
    }

    @Test
    void a_silent_peer_is_dropped_after_the_idle_timeout(Vertx vertx, VertxTestContext test) {
        expectDisconnect(vertx, test, LoopbackPeer.plainHandshake(LoopbackPeer.INFO_HASH),
                new PeerConnectionOptions().setKeepAliveIntervalMs(50).setIdleTimeoutMs(300), DisconnectReason.TIMEOUT);
    }

    @Test
    void an_unknown_message_id_is_a_violation(Vertx vertx, VertxTestContext test) {
        Buffer frames = LoopbackPeer.plainHandshake(LoopbackPeer.INFO_HASH).appendInt(1).appendByte((byte) 99);

        expectDisconnect(vertx, test, frames, OPTIONS, DisconnectReason.UNKNOWN_MESSAGE);
    }

    @Test
    void a_fast_message_without_the_fast_bit_is_a_violation(Vertx vertx, VertxTestContext test) {
        Buffer frames = LoopbackPeer.plainHandshake(LoopbackPeer.INFO_HASH).appendInt(1).appendByte((byte) 0x0E);

        expectDisconnect(vertx, test, frames, OPTIONS, DisconnectReason.UNKNOWN_MESSAGE);
    }

    @Test
    void an_out_of_range_have_is_a_violation(Vertx vertx, VertxTestContext test) {
        Buffer frames = LoopbackPeer.plainHandshake(LoopbackPeer.INFO_HASH)
                .appendBytes(HexFormat.of().parseHex("000000050400000100"));

        expectDisconnect(vertx, test, frames, OPTIONS, DisconnectReason.INDEX_OUT_OF_RANGE);
    }

    @Test
    void sends_keep_alives_when_idle(Vertx vertx, VertxTestContext test) {
        PeerConnectionOptions options = new PeerConnectionOptions().setKeepAliveIntervalMs(40);
        LoopbackPeer.listen(vertx, "127.0.0.2", options)
                .compose(server -> LoopbackPeer.rawConnect(vertx, "127.0.0.3", server.address()))
                .onFailure(test::failNow)
                .onSuccess(socket -> {
                    Buffer received = Buffer.buffer();
                    socket.handler(data -> {
                        received.appendBuffer(data);
                        if (received.length() >= Handshake.LENGTH + 4) {
                            test.verify(() -> assertThat(received.getInt(Handshake.LENGTH)).isZero());
                            test.completeNow();
                        }
                    });
                    socket.write(LoopbackPeer.plainHandshake(LoopbackPeer.INFO_HASH));
                });
    }

    @Test
    void requests_beyond_the_queue_cap_are_rejected(Vertx vertx, VertxTestContext test) {
        PeerConnectionOptions options = new PeerConnectionOptions().setMaxInboundRequests(2);
        WireCodec codec = new WireCodec(WireCodecTest.LIMITS);
        Buffer reject = codec.encode(new RejectRequest(2, 0, 16384));
        int rejectAt = Handshake.LENGTH + 5;
        LoopbackPeer.listen(vertx, "127.0.0.2", options).compose(server ->
                LoopbackPeer.rawConnect(vertx, "127.0.0.3", server.address()).compose(socket -> {
                    Buffer received = Buffer.buffer();
                    socket.handler(data -> {
                        received.appendBuffer(data);
                        if (received.length() == rejectAt) {
                            Buffer requests = Buffer.buffer();
                            for (int i = 0; i < 3; i++) {
                                requests.appendBuffer(codec.encode(new Request(i, 0, 16384)));
                            }
                            socket.write(requests);
                        } else if (received.length() >= rejectAt + reject.length()) {
                            test.verify(() -> {
                                assertThat(received.slice(rejectAt, rejectAt + reject.length())).isEqualTo(reject);
                                assertThat(server.connected.future().result().queuedRequests()).isEqualTo(2);
                            });
                            test.completeNow();
                        }
                    });
                    socket.write(WireCodec.encodeHandshake(Handshake.of(LoopbackPeer.INFO_HASH, PeerId.random())));
                    return server.connected.future().onSuccess(connection -> connection.send(Unchoke.INSTANCE));
                }))
                .onFailure(test::failNow);
    }

    /** Sends {@code bytes} from a raw client on 127.0.0.3 and expects the agent on 127.0.0.2 to close with {@code reason}. */
    private static void expectDisconnect(Vertx vertx, VertxTestContext test, Buffer bytes,
            PeerConnectionOptions options, DisconnectReason reason) {
        LoopbackPeer.listen(vertx, "127.0.0.2", options).compose(server ->
                LoopbackPeer.rawConnect(vertx, "127.0.0.3", server.address()).compose(socket -> {
                    socket.write(bytes);
                    return server.closed.future();
                }))
                .onFailure(test::failNow)
                .onSuccess(actual -> test.verify(() -> {
                    assertThat(actual).isEqualTo(reason);
                    test.completeNow();
                }));
    }
}
