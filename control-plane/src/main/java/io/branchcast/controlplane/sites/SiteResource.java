package io.branchcast.controlplane.sites;

import io.branchcast.controlplane.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sites (branch offices): everyone signed in reads them, admins manage them. */
@Path("/api/v1/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class SiteResource {

    @Inject
    SiteService service;

    @Inject
    SiteRepository sites;

    @Inject
    SiteAgentCounts agentCounts;

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List sites by name, with their agents online, offline and revoked")
    public List<SiteView> list() {
        Map<UUID, AgentCounts> counts = agentCounts.all();
        return sites.listAll(io.quarkus.panache.common.Sort.by("name")).stream()
                .map(site -> SiteView.of(site, counts.getOrDefault(site.id, AgentCounts.NONE))).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Get one site, with its agents online, offline and revoked")
    public SiteView get(@PathParam("id") UUID id) {
        return withCounts(service.get(id));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a site")
    public Response create(@Valid @NotNull(message = "a JSON body is required") SiteRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        Site site = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(site.id.toString()).build()).entity(withCounts(site)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a site's settings")
    public SiteView update(@PathParam("id") UUID id, @Valid @NotNull(message = "a JSON body is required") SiteRequest request) {
        return withCounts(service.update(id, request));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a site that has no agents")
    public void delete(@PathParam("id") UUID id) {
        service.delete(id);
    }

    private SiteView withCounts(Site site) {
        return SiteView.of(site, agentCounts.of(site.id));
    }
}
