package io.branchcast.controlplane.install;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The one-line install: {@code curl -fsSL <public-url>/install.sh | sudo sh -s -- --token <enrollment token>}. Public. */
@Path("/install.sh")
public class InstallScriptResource {

    static final String SHELL_SCRIPT = "text/x-shellscript";

    @Inject
    InstallScript script;

    @GET
    @Produces(SHELL_SCRIPT)
    @Operation(summary = "The agent install script for Linux, with this control plane's URL built in")
    public Response get() {
        return Response.ok(script.render(), SHELL_SCRIPT + "; charset=utf-8").header("Cache-Control", "no-cache").build();
    }
}
