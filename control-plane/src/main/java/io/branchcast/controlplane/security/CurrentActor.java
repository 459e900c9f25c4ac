package io.branchcast.controlplane.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** CurrentActor names who is making the current request, for the audit log: the user name or the agent's client id. */
@RequestScoped
public class CurrentActor {

    @Inject
    SecurityIdentity identity;

    public String name() {
        if (identity == null || identity.isAnonymous()) {
            return "anonymous";
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String user = jwt.getClaim("preferred_username");
            if (user != null) {
                return user;
            }
            String azp = jwt.getClaim("azp");
            if (azp != null) {
                return azp;
            }
        }
        return identity.getPrincipal().getName();
    }

    /** The Keycloak client the token was issued to ({@code azp}): for an agent, its identity. */
    public String clientId() {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
            return jwt.getClaim("azp");
        }
        return null;
    }
}
