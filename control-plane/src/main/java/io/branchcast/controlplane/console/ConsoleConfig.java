package io.branchcast.controlplane.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;

/** ConsoleConfig is the typed {@code branchcast.console.*} configuration: where the web console signs users in. Checked at startup. */
@ConfigMapping(prefix = "branchcast.console")
public interface ConsoleConfig {

    /** The Keycloak realm URL as browsers reach it ({@code <keycloak>/realms/<realm>}); default: the realm tokens come from. */
    @WithDefault("${quarkus.oidc.auth-server-url}")
    @Pattern(regexp = "https?://.+/realms/[^/]+/?", message = "must look like <keycloak>/realms/<realm>")
    String realmUrl();

    /** The realm's public client the console signs in with (authorization code flow with PKCE). */
    @WithDefault("console")
    String clientId();
}
