package io.branchcast.contracts.events;

import java.util.Map;
import java.util.Objects;

/**
 * TopicSpec is the shape of one Kafka topic Branchcast relies on: its default name, partition count and the topic
 * configs that the design depends on (compaction, retention). Whoever creates topics (the local stack, an operator
 * following docs/kafka.md) reads them from {@link Topics}.
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition: " + name);
        }
        configs = Map.copyOf(configs);
    }
}
