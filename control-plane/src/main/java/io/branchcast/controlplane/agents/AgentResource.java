package io.branchcast.controlplane.agents;

import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.Filters;
import io.branchcast.controlplane.api.Page;
import io.branchcast.controlplane.api.PageRequest;
import io.branchcast.controlplane.enrollment.AgentRevocations;
import io.branchcast.controlplane.security.Roles;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The agent inventory, filterable by site, label, state and host name; an agent's own record; revocation. */
@Path("/api/v1/agents")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AgentResource {

    @Inject
    AgentRepository agents;

    @Inject
    AgentIdentity caller;

    @Inject
    AgentRevocations revocations;

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List agents")
    public Page<AgentView> list(@Valid @BeanParam PageRequest paging,
                                @QueryParam("siteId") UUID siteId,
                                @QueryParam("label") String label,
                                @QueryParam("state") AgentState state,
                                @QueryParam("q") String hostname) {
        Filters filters = new Filters()
                .with("siteId = :site", "site", siteId)
                .with("array_position(labels, :label) > 0", "label", label)
                .with("state = :state", "state", state)
                .search("hostname", hostname);
        var query = agents.find(filters.where(), Sort.by("hostname"), filters.parameters());
        List<Agent> page = query.page(paging.toPanache()).list();
        return new Page<>(page.stream().map(AgentView::of).toList(), paging.page, paging.size, query.count());
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "The calling agent's own record (agent tokens only)")
    public AgentView me() {
        return AgentView.of(caller.requireActiveAgent());
    }

    @POST
    @Path("/me/heartbeat")
    @RolesAllowed(Roles.AGENT)
    @Transactional
    @Operation(summary = "The calling agent is alive (agent tokens only); an idle agent sends this every minute")
    public void heartbeat() {
        agents.update("lastSeenAt = ?1 where id = ?2", Instant.now(), caller.requireActiveAgent().id);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Get one agent")
    public AgentView get(@PathParam("id") UUID id) {
        return AgentView.of(agents.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("agent", id)));
    }

    @POST
    @Path("/{id}/revoke")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Revoke an agent: Keycloak stops issuing it tokens, Kafka and the control plane refuse it")
    public AgentView revoke(@PathParam("id") UUID id) {
        return revocations.revoke(id);
    }
}
