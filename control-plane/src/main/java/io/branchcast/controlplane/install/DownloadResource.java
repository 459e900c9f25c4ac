package io.branchcast.controlplane.install;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Agent packages for the install script; public, like the script itself (they hold no secret). */
@Path("/downloads")
public class DownloadResource {

    @Inject
    AgentPackages packages;

    @GET
    @Path("/{file}")
    @Operation(summary = "Download an agent package: branchcast-agent-linux-x64.tar.gz or branchcast-agent_<version>_amd64.deb")
    public Response download(@PathParam("file") String name) {
        java.nio.file.Path file = packages.find(name);
        return Response.ok(file.toFile(), AgentPackages.mediaType(name))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }
}
