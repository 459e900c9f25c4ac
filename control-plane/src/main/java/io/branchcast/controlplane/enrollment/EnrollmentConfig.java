package io.branchcast.controlplane.enrollment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * EnrollmentConfig is the typed {@code branchcast.keycloak.*} configuration: how the control plane administers agent
 * identities in Keycloak (with its own client's client-credentials) and how long agent access tokens live.
 * docs/agents.md documents every key.
 */
@ConfigMapping(prefix = "branchcast.keycloak")
public interface EnrollmentConfig {

    /** The realm agents get their identity in, e.g. http://127.0.0.1:8180/realms/branchcast. */
    @WithDefault("${quarkus.oidc.auth-server-url}")
    String realmUrl();

    /** The control plane's own confidential client; its service account needs realm-management manage-clients and manage-users. */
    @WithDefault("control-plane")
    String clientId();

    String clientSecret();

    /** Lifespan of agent access tokens: the longest a revoked agent's last token stays valid anywhere. */
    @WithDefault("300s")
    Duration agentTokenLifespan();

    /** The Keycloak base URL, the part of {@link #realmUrl()} before {@code /realms/}. */
    default String serverUrl() {
        return realmUrl().substring(0, realmIndex(realmUrl()));
    }

    /** The realm name, the last segment of {@link #realmUrl()}. */
    default String realm() {
        return realmUrl().substring(realmIndex(realmUrl()) + "/realms/".length()).replaceAll("/+$", "");
    }

    private static int realmIndex(String realmUrl) {
        int at = realmUrl.lastIndexOf("/realms/");
        if (at < 0) {
            throw new IllegalStateException("branchcast.keycloak.realm-url must end in /realms/<realm>: " + realmUrl);
        }
        return at;
    }
}
