package io.branchcast.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The storage tool's command line must never see a cluster id it would take for an option. */
class KafkaClusterIdTest {

    @Test
    void clusterIdsNeverStartWithADash() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String id = KafkaBroker.newClusterId();
            assertThat(id).doesNotStartWith("-").hasSize(22).matches("[A-Za-z0-9_-]+");
            ids.add(id);
        }

        assertThat(ids).hasSize(20_000);
    }
}
