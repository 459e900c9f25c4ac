package io.branchcast.agent.swarm.picker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PickerStrategyTest {

    @Test
    void createsThePickerNamedInConfiguration() {
        PieceLayout layout = Swarm.layout(4, 1);

        assertThat(PickerStrategy.fromConfig("rarest-first").create(layout, new BitSet(), new Random(), 8))
                .isInstanceOf(RarestFirstPicker.class);
        assertThat(PickerStrategy.fromConfig("sequential").create(layout, new BitSet(), new Random(), 8))
                .isInstanceOf(SequentialPicker.class);
    }

    @Test
    void failsFastOnAnUnknownName() {
        assertThatThrownBy(() -> PickerStrategy.fromConfig("Rarest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rarest-first, sequential");
    }
}
