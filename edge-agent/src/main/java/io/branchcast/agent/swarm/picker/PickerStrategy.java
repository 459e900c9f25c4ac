package io.branchcast.agent.swarm.picker;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import java.util.stream.Collectors;

/** PickerStrategy is the piece picker chosen by configuration name; an unknown name fails at startup. */
public enum PickerStrategy {
    /** {@link RarestFirstPicker}, the default. */
    RAREST_FIRST("rarest-first"),
    /** {@link SequentialPicker}, for debugging. */
    SEQUENTIAL("sequential");

    private final String configName;

    PickerStrategy(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** The strategy with this configuration name; IllegalArgumentException listing the valid names otherwise. */
    public static PickerStrategy fromConfig(String name) {
        for (PickerStrategy strategy : values()) {
            if (strategy.configName.equals(name)) {
                return strategy;
            }
        }
        throw new IllegalArgumentException("unknown piece picker '" + name + "', expected one of "
                + Arrays.stream(values()).map(PickerStrategy::configName).collect(Collectors.joining(", ")));
    }

    /** A picker of this strategy; tieBreakWindow is the rarest-first tie-break's window (see RarestFirstPicker). */
    public <P> PiecePicker<P> create(PieceLayout layout, BitSet alreadyVerified, Random random, int tieBreakWindow) {
        return switch (this) {
            case RAREST_FIRST -> new RarestFirstPicker<>(layout, alreadyVerified, random, tieBreakWindow);
            case SEQUENTIAL -> new SequentialPicker<>(layout, alreadyVerified);
        };
    }
}
