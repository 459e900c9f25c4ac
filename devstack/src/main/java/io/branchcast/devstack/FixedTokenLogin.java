package io.branchcast.devstack;

import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerTokenCallback;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * FixedTokenLogin is a Kafka client login for tests that presents one given access token (JAAS option {@code token})
 * instead of fetching one from Keycloak: an attacker's forged JWT, or an agent's token kept after its revocation. The
 * broker is what is under test: it must refuse such tokens.
 */
public final class FixedTokenLogin implements AuthenticateCallbackHandler {

    private String token;

    /** The client settings that log in to the broker at {@code bootstrap} with {@code token} over SASL/OAUTHBEARER. */
    public static Map<String, Object> clientConfig(String bootstrap, String token) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrap);
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "OAUTHBEARER");
        config.put("sasl.login.callback.handler.class", FixedTokenLogin.class.getName());
        config.put("sasl.jaas.config",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required token=\"" + token + "\";");
        return config;
    }

    @Override
    public void configure(Map<String, ?> configs, String saslMechanism, List<AppConfigurationEntry> jaasConfigEntries) {
        token = (String) jaasConfigEntries.get(0).getOptions().get("token");
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (!(callback instanceof OAuthBearerTokenCallback tokenCallback)) {
                throw new UnsupportedCallbackException(callback);
            }
            tokenCallback.token(new PresentedToken(token, System.currentTimeMillis()));
        }
    }

    @Override
    public void close() {
    }

    /** The token as the client sees it; the broker reads the real claims from the JWT itself. */
    private record PresentedToken(String value, Long startTimeMs) implements OAuthBearerToken {
        @Override
        public Set<String> scope() {
            return Set.of();
        }

        @Override
        public long lifetimeMs() {
            return startTimeMs + 300_000;
        }

        @Override
        public String principalName() {
            return "fixed-token";
        }
    }
}
