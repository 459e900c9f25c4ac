package io.branchcast.agent.swarm.picker;

import static io.branchcast.agent.swarm.picker.Swarm.bits;
import static io.branchcast.agent.swarm.picker.Swarm.join;
import static io.branchcast.agent.swarm.picker.Swarm.layout;
import static io.branchcast.agent.swarm.picker.Swarm.pieces;
import static io.branchcast.agent.swarm.picker.Swarm.populate;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequentialPickerTest {

    @Test
    void picksInIndexOrderWhateverTheAvailability() {
        PiecePicker<String> picker = populate(new SequentialPicker<String>(layout(5, 1), bits("01000")), "32111");

        assertThat(pieces(picker.pick("peer0", 5, 0))).containsExactly(0, 2, 3, 4);
    }

    @Test
    void skipsPiecesThePeerLacks() {
        PiecePicker<String> picker = new SequentialPicker<>(layout(6, 1), bits(""));
        join(picker, "sparse", "010011");

        assertThat(pieces(picker.pick("sparse", 6, 0))).containsExactly(1, 4, 5);
    }
}
