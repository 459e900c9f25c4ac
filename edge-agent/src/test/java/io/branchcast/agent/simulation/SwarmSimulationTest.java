package io.branchcast.agent.simulation;

import io.branchcast.agent.swarm.wire.Handshake;
import io.branchcast.agent.swarm.wire.InfoHash;
import io.branchcast.agent.swarm.wire.PeerId;
import io.branchcast.agent.swarm.wire.WireCodec;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole-swarm simulations: real agent processes on their own loopback addresses, as on a branch-office LAN.
 */
class SwarmSimulationTest {

    private static final Duration TRANSFER = Duration.ofMinutes(3);
    private static final int MIB = 1024 * 1024;

    @Test
    void eight_agents_and_a_seeder_all_end_with_a_256_mib_file() throws Exception {
        try (SwarmFixture swarm = SwarmFixture.named("eight-agents").firstHost(2).seeders(1).leechers(8)
                .size(256L * MIB).start()) {
            for (int i = 0; i < 8; i++) {
                Map<String, String> complete = swarm.leechers().get(i).awaitComplete(TRANSFER);
                assertThat(complete).containsKey("bytes_from_peers");
            }
            for (int i = 0; i < 8; i++) {
                assertThat(swarm.sha256Of(i)).as(swarm.leecherHost(i)).isEqualTo(swarm.expectedSha256());
            }
        }
    }

    @Test
    void an_agent_killed_half_way_resumes_without_fetching_verified_pieces_again() throws Exception {
        long size = 128L * MIB;
        try (SwarmFixture swarm = SwarmFixture.named("crash-resume").firstHost(20).seeders(0).leechers(1)
                .size(size).origin(48L * MIB).start()) {
            AgentProcess agent = swarm.leechers().get(0);
            int pieceCount = swarm.manifest().info().pieceCount();
            agent.await(line -> line.startsWith("progress ") && verifiedIn(line) >= pieceCount / 2, TRANSFER);
            agent.crash();

            AgentProcess restarted = swarm.startLeecher(0);
            int resumed = Integer.parseInt(AgentProcess.fields(
                    restarted.await(line -> line.startsWith("start "), TRANSFER)).get("pieces_verified"));
            Map<String, String> complete = restarted.awaitComplete(TRANSFER);

            long received = Long.parseLong(complete.get("bytes_from_peers"))
                    + Long.parseLong(complete.get("bytes_from_origin"));
            long pieceLength = swarm.manifest().info().pieceLength();
            long remaining = (long) (pieceCount - resumed) * pieceLength;
            assertThat(resumed).isGreaterThanOrEqualTo(pieceCount / 4);
            assertThat(received).isLessThanOrEqualTo(remaining + 4 * pieceLength);
            assertThat(swarm.sha256Of(0)).isEqualTo(swarm.expectedSha256());
        }
    }

    @Test
    void a_peer_sending_garbage_or_a_2_gib_length_prefix_is_cut_off_without_harm() throws Exception {
        try (SwarmFixture swarm = SwarmFixture.named("hostile-peers").firstHost(30).seeders(1).leechers(1)
                .size(64L * MIB).start()) {
            InetSocketAddress seeder = new InetSocketAddress("127.0.0.30", SwarmFixture.PORT);
            byte[] garbage = "GET / HTTP/1.1\r\nHost: seeder\r\n\r\n".repeat(4).getBytes(StandardCharsets.US_ASCII);
            assertThat(closedAfterSending(seeder, "127.0.0.38", garbage)).isTrue();

            Handshake handshake = Handshake.of(new InfoHash(swarm.manifest().infoHash()), PeerId.random());
            ByteBuffer attack = ByteBuffer.allocate(Handshake.LENGTH + 4 + 1024);
            attack.put(WireCodec.encodeHandshake(handshake).getBytes()).putInt(Integer.MAX_VALUE);
            assertThat(closedAfterSending(seeder, "127.0.0.39", attack.array())).isTrue();

            swarm.leechers().get(0).awaitComplete(TRANSFER);
            assertThat(swarm.sha256Of(0)).isEqualTo(swarm.expectedSha256());
            assertThat(swarm.seeders().get(0).isAlive()).isTrue();
        }
    }

    private static int verifiedIn(String progressLine) {
        String pieces = AgentProcess.fields(progressLine).get("pieces");
        return Integer.parseInt(pieces.substring(0, pieces.indexOf('/')));
    }

    /** Connects from {@code localHost}, sends the bytes and reports whether the agent closed the connection. */
    private static boolean closedAfterSending(InetSocketAddress target, String localHost, byte[] bytes)
            throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localHost, 0));
            socket.connect(target, 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[4096];
            while (true) {
                int n;
                try {
                    n = in.read(sink);
                } catch (java.net.SocketException reset) {
                    return true;
                }
                if (n < 0) {
                    return true;
                }
            }
        }
    }
}
