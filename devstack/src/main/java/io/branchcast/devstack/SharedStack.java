package io.branchcast.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * SharedStack gives tests one running stack per test run. {@code bin/test} starts the stack once and exports
 * {@code BRANCHCAST_STACK_FILE}; every test JVM of every module then connects to it. Without that variable (a test
 * run from an IDE), the first caller starts a private stack on free ports, stopped when the JVM exits.
 */
public final class SharedStack {

    public static final String STACK_FILE_ENV = "BRANCHCAST_STACK_FILE";

    private static StackInfo info;

    private SharedStack() {
    }

    public static synchronized StackInfo get() {
        if (info == null) {
            String file = System.getenv(STACK_FILE_ENV);
            info = file != null && !file.isBlank() ? StackInfo.readFrom(Path.of(file)) : startPrivateStack();
        }
        return info;
    }

    private static StackInfo startPrivateStack() {
        try {
            Path dataDir = Files.createTempDirectory("branchcast-test-stack");
            int kafka = Ports.freeRange(StackSettings.HOST, 3);
            StackSettings settings = new StackSettings(StackSettings.HOST, Ports.freeRange(StackSettings.HOST, 1), kafka,
                    Ports.freeRange(StackSettings.HOST, 1), dataDir, StackSettings.cacheDir(System.getenv()));
            LocalStack stack = LocalStack.start(settings, crash -> System.err.println("branchcast test stack: " + crash));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "branchcast-test-stack-stop"));
            return stack.info();
        } catch (IOException e) {
            throw new StackException("cannot create a data directory for the test stack: " + e.getMessage(), e);
        }
    }

    /** Kafka client settings to log in on the SASL listener as a Keycloak client (client-credentials grant). */
    public static Map<String, Object> kafkaOAuthClient(StackInfo stack, String clientId, String secret) {
        System.setProperty("org.apache.kafka.sasl.oauthbearer.allowed.urls", stack.tokenUrl());
        return Map.of(
                "bootstrap.servers", stack.kafkaBootstrap(),
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "OAUTHBEARER",
                "sasl.login.callback.handler.class",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler",
                "sasl.oauthbearer.token.endpoint.url", stack.tokenUrl(),
                "sasl.oauthbearer.client.credentials.client.id", clientId,
                "sasl.oauthbearer.client.credentials.client.secret", secret,
                "sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;");
    }
}
