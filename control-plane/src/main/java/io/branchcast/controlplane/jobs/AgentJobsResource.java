package io.branchcast.controlplane.jobs;

import io.branchcast.controlplane.agents.AgentRepository;
import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.Page;
import io.branchcast.controlplane.api.PageRequest;
import io.branchcast.controlplane.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/** The jobs that target one agent, with the agent's row of each: what the agent detail page lists. */
@Path("/api/v1/agents/{id}/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AgentJobsResource {

    @Inject
    AgentRepository agents;

    @Inject
    JobQueries queries;

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The jobs that target an agent, newest first; active=true keeps scheduled, running and paused ones")
    public Page<AgentJobView> list(@PathParam("id") UUID agentId, @Valid @BeanParam PageRequest paging,
                                   @QueryParam("active") boolean activeOnly) {
        if (agents.findByIdOptional(agentId).isEmpty()) {
            throw ApiException.notFound("agent", agentId);
        }
        return queries.jobsOf(agentId, paging, activeOnly);
    }
}
