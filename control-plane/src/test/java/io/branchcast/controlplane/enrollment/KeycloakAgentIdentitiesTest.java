package io.branchcast.controlplane.enrollment;

import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.ErrorCode;
import io.branchcast.controlplane.support.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When Keycloak refuses the control plane or cannot be reached, enrollment and revocation answer 503, never 500. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class KeycloakAgentIdentitiesTest {

    @Inject
    EnrollmentConfig config;

    @Test
    void aKeycloakThatRefusesTheControlPlaneIsUnavailable() {
        assertUnavailable(config.realmUrl(), "not-the-control-plane-secret", "HTTP 401");
    }

    @Test
    void anUnreachableKeycloakIsUnavailable() {
        assertUnavailable("http://127.0.0.1:1/realms/" + config.realm(), config.clientSecret(), "unreachable");
    }

    private void assertUnavailable(String realmUrl, String secret, String why) {
        KeycloakAgentIdentities identities = new KeycloakAgentIdentities();
        identities.config = new Settings(realmUrl, config.clientId(), secret, config.agentTokenLifespan());
        identities.start();
        try {
            UUID agent = UUID.randomUUID();
            assertThatThrownBy(() -> identities.ensure(new AgentPrincipal(agent, UUID.randomUUID(),
                    AgentPrincipal.clientIdOf(agent)), false))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE))
                    .hasMessageContaining("Keycloak could not").hasMessageContaining(why);
            assertThatThrownBy(() -> identities.disable(AgentPrincipal.clientIdOf(agent)))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
        } finally {
            identities.stop();
        }
    }

    private record Settings(String realmUrl, String clientId, String clientSecret, Duration agentTokenLifespan)
            implements EnrollmentConfig {
    }
}
