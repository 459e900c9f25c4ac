package io.branchcast.controlplane.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Outbox records a Kafka publication inside the caller's transaction (transactional outbox): the change and its
 * publication commit together or not at all. The {@link OutboxPublisher} sends it after commit.
 */
@ApplicationScoped
public class Outbox {

    /** Fired with every enqueue; observed after a successful commit to publish without waiting for the next poll. */
    public record Enqueued() {
    }

    @Inject
    ObjectMapper json;

    @Inject
    Event<Enqueued> enqueued;

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String topic, String key, Object value) {
        OutboxMessage message = new OutboxMessage();
        message.topic = topic;
        message.key = key;
        message.payload = value == null ? null : serialize(value);
        message.createdAt = Instant.now();
        message.persist();
        enqueued.fire(new Enqueued());
    }

    private String serialize(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
