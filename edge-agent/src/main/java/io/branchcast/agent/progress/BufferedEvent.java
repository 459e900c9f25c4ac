package io.branchcast.agent.progress;

import io.branchcast.contracts.events.AgentEvent;

/** BufferedEvent is an agent event waiting in the {@link EventOutbox}, with its position in the outbox. */
public record BufferedEvent(long position, AgentEvent event) {
}
