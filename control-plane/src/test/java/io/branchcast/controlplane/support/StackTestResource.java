package io.branchcast.controlplane.support;

import io.branchcast.devstack.ControlPlaneConfig;
import io.branchcast.devstack.SharedStack;
import io.branchcast.devstack.StackInfo;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * StackTestResource points the control plane under test at the real servers of the shared test stack: PostgreSQL,
 * Keycloak and Kafka (see {@link SharedStack}). The database is reset so every test class starts from an empty schema.
 */
public class StackTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        StackInfo stack = SharedStack.get();
        try {
            Map<String, String> config = new HashMap<>(ControlPlaneConfig.forStack(stack,
                    Files.createTempDirectory("branchcast-artifacts")));
            System.setProperty("org.apache.kafka.sasl.oauthbearer.allowed.urls", stack.tokenUrl());
            config.put("quarkus.flyway.clean-at-start", "true");
            config.put("quarkus.flyway.clean-disabled", "false");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // the shared stack outlives this test class; bin/test stops it
    }
}
