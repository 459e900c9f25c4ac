package io.branchcast.controlplane.enrollment;

import io.branchcast.controlplane.api.Page;
import io.branchcast.controlplane.api.PageRequest;
import io.branchcast.controlplane.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import java.util.UUID;

/** Enrollment tokens: admins create them for a site and hand them to installers; the secret is shown once. */
@Path("/api/v1/enrollment-tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class EnrollmentTokenResource {

    @Inject
    EnrollmentTokenService service;

    @POST
    @Operation(summary = "Create an enrollment token; the answer is the only place its secret appears")
    public Response create(@Valid @NotNull(message = "a JSON body is required") EnrollmentTokenRequest request,
                           @Context UriInfo uri) {
        EnrollmentTokenView token = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(token.id().toString()).build()).entity(token)
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Operation(summary = "List enrollment tokens, newest first (never their secrets)")
    public Page<EnrollmentTokenView> list(@Valid @BeanParam PageRequest paging, @QueryParam("siteId") UUID siteId) {
        return service.list(paging, siteId);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one enrollment token (never its secret)")
    public EnrollmentTokenView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an enrollment token; agents enrolled with it stay enrolled")
    public void revoke(@PathParam("id") UUID id) {
        service.revoke(id);
    }
}
