package io.branchcast.devstack;

import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerTokenCallback;

import javax.security.auth.callback.Callback;
import javax.security.auth.login.AppConfigurationEntry;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ForgedTokenLoginHandler is an attacker's Kafka login: it presents whatever JWT the JAAS option {@code forgedToken}
 * holds instead of one issued by Keycloak.
 */
public final class ForgedTokenLoginHandler implements AuthenticateCallbackHandler {

    private String token;

    @Override
    public void configure(Map<String, ?> configs, String saslMechanism, List<AppConfigurationEntry> jaasConfigEntries) {
        token = (String) jaasConfigEntries.get(0).getOptions().get("forgedToken");
    }

    @Override
    public void handle(Callback[] callbacks) {
        for (Callback callback : callbacks) {
            if (callback instanceof OAuthBearerTokenCallback tokenCallback) {
                tokenCallback.token(new PresentedToken(token));
            }
        }
    }

    @Override
    public void close() {
    }

    private record PresentedToken(String value) implements OAuthBearerToken {
        @Override
        public Set<String> scope() {
            return Set.of();
        }

        @Override
        public long lifetimeMs() {
            return System.currentTimeMillis() + 300_000;
        }

        @Override
        public String principalName() {
            return "control-plane";
        }

        @Override
        public Long startTimeMs() {
            return null;
        }
    }
}
