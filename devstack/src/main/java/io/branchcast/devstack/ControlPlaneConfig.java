package io.branchcast.devstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ControlPlaneConfig maps a running stack to the control plane's configuration properties. {@code bin/run} passes them
 * as system properties; the control plane's tests return them from their Quarkus test resource.
 */
public final class ControlPlaneConfig {

    private ControlPlaneConfig() {
    }

    public static Map<String, String> forStack(StackInfo stack, Path artifactDir) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", stack.postgresUrl());
        config.put("quarkus.datasource.username", stack.postgresUser());
        config.put("quarkus.datasource.password", stack.postgresPassword());
        config.put("quarkus.oidc.auth-server-url", stack.realmUrl());
        config.put("branchcast.kafka.bootstrap-servers", stack.kafkaBootstrap());
        config.put("branchcast.kafka.token-url", stack.tokenUrl());
        config.put("branchcast.kafka.client-secret", StackInfo.CONTROL_PLANE_SECRET);
        config.put("branchcast.keycloak.client-secret", StackInfo.CONTROL_PLANE_SECRET);
        config.put("branchcast.artifacts.directory", artifactDir.toString());
        // the Kafka OAuth login refuses token endpoints that are not explicitly allowed
        config.put("org.apache.kafka.sasl.oauthbearer.allowed.urls", stack.tokenUrl());
        return config;
    }
}
