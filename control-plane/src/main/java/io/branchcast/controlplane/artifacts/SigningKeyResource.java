package io.branchcast.controlplane.artifacts;

import io.branchcast.controlplane.agents.AgentIdentity;
import io.branchcast.controlplane.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The public half of the manifest signing key, which agents trust manifests by (handed out at enrollment). */
@Path(ArtifactResource.PATH + "/signing-key")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class SigningKeyResource {

    /** A manifest signing key: its id (as in manifests), algorithm, and public key as base64 X.509 SubjectPublicKeyInfo. */
    public record SigningKeyView(String keyId, String algorithm, String publicKey) {
    }

    @Inject
    SigningKey key;

    @Inject
    AgentIdentity caller;

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.AGENT})
    @Operation(summary = "The public key that verifies manifest signatures, and its key id")
    public SigningKeyView get() {
        caller.requireActiveIfAgent();
        return new SigningKeyView(key.keyId(), "Ed25519", key.publicKeyBase64());
    }
}
