package io.branchcast.controlplane.artifacts;

import io.branchcast.controlplane.agents.AgentIdentity;
import io.branchcast.controlplane.api.Page;
import io.branchcast.controlplane.api.PageRequest;
import io.branchcast.controlplane.security.Roles;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * Artifacts: viewers read them, operators upload, register and delete them, agents (and operators) fetch payloads and
 * manifests. An upload body is read as a stream (Quarkus REST pauses the connection between reads), never buffered.
 */
@Path(ArtifactResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ArtifactResource {

    public static final String PATH = "/api/v1/artifacts";

    @Inject
    ArtifactService service;

    @Inject
    ArtifactUploads uploads;

    @Inject
    ArtifactRegistrations registrations;

    @Inject
    ArtifactContent content;

    @Inject
    AgentIdentity caller;

    /** Base URL agents reach the control plane at; the request's own base URL when unset. */
    @ConfigProperty(name = "branchcast.public-url")
    Optional<String> publicUrl;

    @Context
    UriInfo uri;

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List artifacts, newest first, optionally by name and state")
    public Page<ArtifactView> list(@Valid @BeanParam PageRequest paging, @QueryParam("name") String name,
                                   @QueryParam("state") String state) {
        return service.list(paging, name, state);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Get one artifact, with hashing progress while it is HASHING")
    public ArtifactView get(@PathParam("id") UUID id) {
        return ArtifactView.of(service.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Upload a payload as a new artifact (streamed; hashed and signed on the fly)")
    public Response upload(@QueryParam("name") String name, @QueryParam("version") String version,
                           @HeaderParam("X-Artifact-Name") String headerName,
                           @HeaderParam("X-Artifact-Version") String headerVersion,
                           @HeaderParam("Content-Length") Long contentLength, InputStream body,
                           @Context RoutingContext http) {
        try {
            ArtifactCoordinates coordinates = ArtifactCoordinates.of(name, headerName, version, headerVersion);
            Artifact artifact = uploads.upload(coordinates, contentLength == null ? -1 : contentLength, body);
            return Response.created(self(artifact.id)).entity(ArtifactView.of(artifact)).build();
        } catch (RuntimeException e) {
            // the unread rest of the body may be gigabytes: end the connection with the error instead of draining it
            http.response().putHeader(HttpHeaders.CONNECTION, "close");
            http.addEndHandler(ended -> http.request().connection().close());
            throw e;
        }
    }

    @POST
    @Path("/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Register a file of the import directory; it is hashed in the background (state HASHING)")
    public Response register(@Valid @NotNull(message = "a JSON body is required") RegistrationRequest request) {
        Artifact artifact = registrations.register(request);
        return Response.accepted(ArtifactView.of(artifact)).location(self(artifact.id)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Delete an artifact that no active job uses, and its payload")
    public void delete(@PathParam("id") UUID id) {
        service.delete(id);
    }

    @GET
    @Path("/{id}/content")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR})
    @Operation(summary = "Download the payload (HTTP origin and web seed; one byte range per request)")
    public Response payload(@PathParam("id") UUID id, @HeaderParam("Range") String range,
                            @HeaderParam("If-Range") String ifRange) {
        caller.requireActiveIfAgent();
        return content.payload(service.get(id), range, ifRange, true, uri.getPath());
    }

    @HEAD
    @Path("/{id}/content")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR})
    @Operation(summary = "Size, ETag and range support of the payload, without the bytes")
    public Response payloadHead(@PathParam("id") UUID id, @HeaderParam("Range") String range,
                                @HeaderParam("If-Range") String ifRange) {
        caller.requireActiveIfAgent();
        return content.payload(service.get(id), range, ifRange, false, uri.getPath());
    }

    @GET
    @Path("/{id}/manifest")
    @Produces(ArtifactContent.BITTORRENT)
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR})
    @Operation(summary = "The signed manifest, for agents (the same bytes as the .torrent)")
    public byte[] manifest(@PathParam("id") UUID id) {
        caller.requireActiveIfAgent();
        return content.manifest(service.get(id), contentUrl(id));
    }

    @GET
    @Path("/{id}/torrent")
    @Produces(ArtifactContent.BITTORRENT)
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR})
    @Operation(summary = "Export the signed manifest as a .torrent file with the origin as web seed")
    public Response torrent(@PathParam("id") UUID id) {
        caller.requireActiveIfAgent();
        Artifact artifact = service.get(id);
        return Response.ok(content.manifest(artifact, contentUrl(id)))
                .header("Content-Disposition", "attachment; filename=\"" + torrentFileName(artifact) + "\"").build();
    }

    private URI self(UUID id) {
        return uri.getBaseUriBuilder().path(PATH).path(id.toString()).build();
    }

    private URI contentUrl(UUID id) {
        String base = publicUrl.map(url -> url.replaceAll("/+$", "")).orElseGet(() ->
                uri.getBaseUri().toString().replaceAll("/+$", ""));
        return URI.create(base + PATH + "/" + id + "/content");
    }

    /** name-version.torrent with anything but ASCII letters, digits, '.', '_' and '-' replaced, safe in a header. */
    private static String torrentFileName(Artifact artifact) {
        return (artifact.name + "-" + artifact.version).replaceAll("[^A-Za-z0-9._-]", "_") + ".torrent";
    }
}
