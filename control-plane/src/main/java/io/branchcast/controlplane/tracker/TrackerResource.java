package io.branchcast.controlplane.tracker;

import io.branchcast.controlplane.agents.AgentIdentity;
import io.branchcast.controlplane.security.Roles;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The swarm tracker: agents announce the jobs they work on and learn the other peers of each. */
@Path("/api/v1/tracker")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class TrackerResource {

    @Inject
    Tracker tracker;

    @Inject
    AgentIdentity identity;

    @GET
    @Path("/announce")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Announce the caller's peer listener for a job; answers the job's live peers, same site first")
    public AnnounceResponse announce(
            @Parameter(description = "the job (UUID); the caller must be one of its targets") @QueryParam("jobId") String jobId,
            @Parameter(description = "port of the caller's peer listener, 1-65535") @QueryParam("port") String port,
            @Parameter(description = "started, completed, stopped, or empty for the periodic announce") @QueryParam("event") String event,
            @Parameter(description = "most peers wanted, 0-200, default 50") @QueryParam("numwant") String numwant,
            @Context HttpServerRequest http) {
        AnnounceRequest request = AnnounceRequest.parse(jobId, port, event, numwant);
        return tracker.announce(identity.requireActiveAgent(), request, http.remoteAddress().hostAddress());
    }
}
