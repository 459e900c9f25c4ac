package io.branchcast.agent.identity;

import io.branchcast.devstack.SharedStack;
import io.branchcast.devstack.StackInfo;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Client-credentials tokens from the shared stack's Keycloak. */
@ExtendWith(VertxExtension.class)
class AccessTokensTest {

    private final StackInfo stack = SharedStack.get();

    @Test
    void gets_a_token_for_the_agent_client_and_caches_it(Vertx vertx) throws Exception {
        AccessTokens tokens = new AccessTokens(WebClient.create(vertx), stack.tokenUrl(), "demo-agent",
                "demo-agent-secret", Clock.systemUTC());

        String first = tokens.token().await(30, TimeUnit.SECONDS);
        String second = tokens.token().await(30, TimeUnit.SECONDS);

        assertThat(second).isSameAs(first);
        String claims = new String(Base64.getUrlDecoder().decode(first.split("\\.")[1]));
        assertThat(claims).contains("\"azp\":\"demo-agent\"");
    }

    @Test
    void a_wrong_secret_is_refused_with_a_hint(Vertx vertx) {
        AccessTokens tokens = new AccessTokens(WebClient.create(vertx), stack.tokenUrl(), "demo-agent",
                "forged-secret", Clock.systemUTC());

        assertThatThrownBy(() -> tokens.token().await(30, TimeUnit.SECONDS))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("401")
                .hasMessageContaining("revoked?");
    }
}
