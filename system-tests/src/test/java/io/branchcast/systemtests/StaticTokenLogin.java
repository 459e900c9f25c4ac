package io.branchcast.systemtests;

import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerTokenCallback;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * StaticTokenLogin presents one fixed access token (JAAS option {@code token}) to the broker, so a test can keep using
 * an agent's token after Keycloak stopped issuing new ones.
 */
public final class StaticTokenLogin implements AuthenticateCallbackHandler {

    private String token;

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
            long now = System.currentTimeMillis();
            tokenCallback.token(new OAuthBearerToken() {
                @Override
                public String value() {
                    return token;
                }

                @Override
                public Set<String> scope() {
                    return Set.of();
                }

                @Override
                public long lifetimeMs() {
                    return now + 60_000;
                }

                @Override
                public String principalName() {
                    return "static";
                }

                @Override
                public Long startTimeMs() {
                    return now;
                }
            });
        }
    }

    @Override
    public void close() {
    }

    static Map<String, Object> producerConfig(String bootstrap, String accessToken) {
        Map<String, Object> config = new java.util.HashMap<>();
        config.put("bootstrap.servers", bootstrap);
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "OAUTHBEARER");
        config.put("sasl.login.callback.handler.class", StaticTokenLogin.class.getName());
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required token=\""
                + accessToken + "\";");
        config.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        config.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        config.put("enable.idempotence", "false");
        config.put("max.block.ms", "10000");
        config.put("delivery.timeout.ms", "15000");
        config.put("request.timeout.ms", "10000");
        return config;
    }
}
