package io.branchcast.controlplane.jobs;

import io.branchcast.contracts.events.JobProgress;
import io.branchcast.contracts.events.TargetState;
import io.branchcast.controlplane.api.Page;
import io.branchcast.controlplane.api.PageRequest;
import io.branchcast.controlplane.events.JobProgressHub;
import io.branchcast.controlplane.security.Roles;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Distribution jobs: viewers follow them, operators create and steer them. */
@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class JobResource {

    @Inject
    JobService service;

    @Inject
    JobQueries queries;

    @Inject
    JobSummaries summaries;

    @Inject
    JobSiteRollups siteRollups;

    @Inject
    TargetSelector selector;

    @Inject
    JobProgressHub hub;

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List jobs, newest first, with progress; repeat state to take several (state=RUNNING&state=PAUSED)")
    public Page<JobView> list(@Valid @BeanParam PageRequest paging, @QueryParam("state") List<JobState> states,
                              @QueryParam("artifactId") UUID artifactId, @QueryParam("q") String search) {
        return queries.list(paging, states, artifactId, search);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Get a job with counts per state, percent complete and bytes from peers and origin")
    public JobView get(@PathParam("id") UUID id) {
        return JobView.of(service.get(id), summaries.of(id));
    }

    @GET
    @Path("/{id}/targets")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The per-agent rows of a job, filtered by state, site and host name, sorted by a column")
    public Page<JobTargetView> targets(@PathParam("id") UUID id, @Valid @BeanParam PageRequest paging,
                                       @QueryParam("state") TargetState state, @QueryParam("siteId") UUID siteId,
                                       @QueryParam("host") String host, @QueryParam("sort") String sort,
                                       @QueryParam("order") String order) {
        TargetFilter filter = new TargetFilter(state, siteId, host);
        TargetSort by = TargetSort.parse(sort);
        boolean descending = TargetSort.descending(order);
        service.get(id);
        return queries.targets(id, paging, filter, by, descending);
    }

    @GET
    @Path("/{id}/sites")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "A job's progress per site: targets by state, bytes from peers and origin, agents online")
    public List<JobSiteView> sites(@PathParam("id") UUID id) {
        service.get(id);
        return siteRollups.of(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Create a job; it is announced to the agents unless created as a draft")
    public Response create(@Valid @NotNull(message = "a JSON body is required") JobRequest request, @Context UriInfo uri) {
        Job job = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(job.id.toString()).build())
                .entity(JobView.of(job, summaries.of(job.id))).build();
    }

    @POST
    @Path("/target-preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "How many active agents these targets select now")
    public Map<String, Long> preview(@Valid @NotNull(message = "a JSON body is required") JobTargets targets) {
        return Map.of("agents", selector.count(targets));
    }

    @POST
    @Path("/{id}/schedule")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Announce a draft job to its agents")
    public JobView schedule(@PathParam("id") UUID id) {
        return act(id, JobTransitions.SCHEDULE);
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Pause a job: agents keep what they have and stop transferring")
    public JobView pause(@PathParam("id") UUID id) {
        return act(id, JobTransitions.PAUSE);
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Resume a paused job")
    public JobView resume(@PathParam("id") UUID id) {
        return act(id, JobTransitions.RESUME);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Cancel a job: agents stop and delete partial downloads")
    public JobView cancel(@PathParam("id") UUID id) {
        return act(id, JobTransitions.CANCEL);
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Retry the failed targets of a job")
    public JobView retry(@PathParam("id") UUID id) {
        return act(id, JobTransitions.RETRY);
    }

    @GET
    @Path("/{id}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VIEWER)
    @Blocking
    @Operation(summary = "Live job progress as Server-Sent Events: the current state first, then every update")
    public Multi<JobProgress> stream(@PathParam("id") UUID id) {
        Job job = service.get(id);
        JobProgress now = JobProgressTracker.toProgress(job, summaries.of(id), Instant.now());
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(now), hub.updatesOf(id.toString()));
    }

    private JobView act(UUID id, JobTransitions action) {
        return JobView.of(service.act(id, action), summaries.of(id));
    }
}
