package io.branchcast.agent.kafka;

/**
 * KafkaConnection is the agent's view of whether Kafka answers: the desired-state consumer and the event sender mark
 * it after each exchange with the broker; the status endpoint reads it. Thread-safe.
 */
public final class KafkaConnection {

    private volatile boolean connected;

    public boolean connected() {
        return connected;
    }

    public void markConnected() {
        connected = true;
    }

    public void markDisconnected() {
        connected = false;
    }
}
