package io.branchcast.controlplane.console;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The console's sign-in settings. Public: the console reads them before anyone has signed in; they hold no secret. */
@Path("/api/v1/console-config")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleConfigResource {

    @Inject
    ConsoleConfig config;

    @ConfigProperty(name = "quarkus.application.version")
    String version;

    @GET
    @Operation(summary = "Where the console signs in (Keycloak server, realm, client id) and the control plane's version")
    public ConsoleSettings get() {
        return ConsoleSettings.of(config.realmUrl(), config.clientId(), version);
    }
}
