package io.branchcast.agent.swarm.peers;

import io.branchcast.agent.swarm.wire.DisconnectReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeerBanListTest {

    @Test
    void bans_a_host_with_its_first_reason() {
        PeerBanList bans = new PeerBanList();

        bans.ban("127.0.0.7", DisconnectReason.CORRUPT_PIECE);
        bans.ban("127.0.0.7", DisconnectReason.MALFORMED_MESSAGE);

        assertThat(bans.isBanned("127.0.0.7")).isTrue();
        assertThat(bans.isBanned("127.0.0.8")).isFalse();
        assertThat(bans.reason("127.0.0.7")).isEqualTo(DisconnectReason.CORRUPT_PIECE);
    }
}
