package io.branchcast.controlplane.agents;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** AgentRepository finds and stores agents. */
@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<Agent, UUID> {
}
