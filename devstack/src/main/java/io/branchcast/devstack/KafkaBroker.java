package io.branchcast.devstack;

import io.branchcast.contracts.events.TopicSpec;
import io.branchcast.contracts.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * KafkaBroker runs a single-node KRaft Kafka broker in a child JVM from the org.apache.kafka artifacts, with a SASL
 * OAUTHBEARER listener that validates Keycloak tokens against the realm's JWKS (principal = the token's {@code azp},
 * the Keycloak client id) and a plaintext listener bound to loopback for tooling. It creates Branchcast's topics.
 */
final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final ChildProcess process;
    private final String internalBootstrap;

    private KafkaBroker(ChildProcess process, String internalBootstrap) {
        this.process = process;
        this.internalBootstrap = internalBootstrap;
    }

    static KafkaBroker start(StackSettings settings, String realmUrl, Consumer<String> onCrash) {
        Path dir = settings.dataDir().resolve("kafka");
        Path config = dir.resolve("server.properties");
        Path logConfig = dir.resolve("log4j2.xml");
        Path logs = settings.dataDir().resolve("logs");
        String jwks = realmUrl + "/protocol/openid-connect/certs";
        try {
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(logs);
            Files.writeString(config, serverProperties(settings, dir.resolve("data"), realmUrl));
            Files.writeString(logConfig, log4jConfig(logs.resolve("kafka-server.log")));
        } catch (IOException e) {
            throw new StackException("cannot write the Kafka configuration under " + dir + ": " + e.getMessage(), e);
        }
        String classpath = BuildArtifacts.kafkaClasspath().stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        if (!Files.exists(dir.resolve("data/meta.properties"))) {
            format(classpath, config, logConfig, dir, logs.resolve("kafka-format.log"));
        }
        List<String> command = new ArrayList<>(javaCommand(classpath, logConfig));
        command.add(2, "-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=" + jwks);
        command.addAll(List.of("kafka.Kafka", config.toString()));
        ChildProcess process = ChildProcess.start("Kafka broker", command, dir, Map.of(), logs.resolve("kafka.log"));
        String internal = settings.host() + ":" + settings.kafkaInternalPort();
        KafkaBroker broker = new KafkaBroker(process, internal);
        try {
            try (Admin admin = broker.admin()) {
                Readiness.await("Kafka broker", START_TIMEOUT, process, () -> hasBroker(admin));
                createTopics(admin);
            }
        } catch (StackException e) {
            broker.close();
            throw e;
        }
        process.onCrash(onCrash);
        return broker;
    }

    String internalBootstrap() {
        return internalBootstrap;
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, internalBootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
    }

    private static boolean hasBroker(Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void createTopics(Admin admin) {
        try {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(KafkaBroker::newTopic)
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new StackException("cannot create the Branchcast topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while creating topics");
        }
    }

    private static NewTopic newTopic(TopicSpec spec) {
        return new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs());
    }

    private static void format(String classpath, Path config, Path logConfig, Path dir, Path log) {
        List<String> command = new ArrayList<>(javaCommand(classpath, logConfig));
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", newClusterId(), "-c", config.toString()));
        ChildProcess.start("Kafka storage format", command, dir, Map.of(), log).awaitSuccess(Duration.ofMinutes(1));
    }

    /**
     * A random cluster id from Kafka's own generator, which never starts one with '-': the base64 of a plain random UUID
     * does one time in 64, and the storage tool then reads it as an option ("argument --cluster-id/-t: expected one
     * argument"), which failed a test-stack start.
     */
    static String newClusterId() {
        return Uuid.randomUuid().toString();
    }

    private static List<String> javaCommand(String classpath, Path logConfig) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
                "-Dlog4j2.configurationFile=" + logConfig, "-cp", classpath);
    }

    static String serverProperties(StackSettings s, Path dataDir, String realmUrl) {
        String h = s.host();
        String client = "listener.name.client.oauthbearer.";
        return String.join("\n",
                "# Written by the Branchcast devstack on every start; edit KafkaBroker.java instead.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + h + ":" + s.kafkaControllerPort(),
                "controller.listener.names=CONTROLLER",
                "listeners=CONTROLLER://" + h + ":" + s.kafkaControllerPort() + ",INTERNAL://" + h + ":" + s.kafkaInternalPort()
                        + ",CLIENT://" + h + ":" + s.kafkaPort(),
                "advertised.listeners=INTERNAL://" + h + ":" + s.kafkaInternalPort() + ",CLIENT://" + h + ":" + s.kafkaPort(),
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,INTERNAL:PLAINTEXT,CLIENT:SASL_PLAINTEXT",
                "inter.broker.listener.name=INTERNAL",
                "log.dirs=" + dataDir,
                "num.partitions=1",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.cleaner.backoff.ms=5000",
                "# Agents and the control plane authenticate with Keycloak access tokens (SASL/OAUTHBEARER).",
                "sasl.enabled.mechanisms=OAUTHBEARER",
                "listener.name.client.sasl.enabled.mechanisms=OAUTHBEARER",
                client + "sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;",
                client + "sasl.server.callback.handler.class=org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler",
                client + "sasl.oauthbearer.jwks.endpoint.url=" + realmUrl + "/protocol/openid-connect/certs",
                client + "sasl.oauthbearer.expected.issuer=" + realmUrl,
                client + "sasl.oauthbearer.expected.audience=kafka",
                client + "sasl.oauthbearer.sub.claim.name=azp",
                "# Without this line a 4.1.x broker accepts unsigned tokens (see docs/kafka.md).",
                "listener.name.client.sasl.oauthbearer.jwt.validator.class=org.apache.kafka.common.security.oauthbearer.BrokerJwtValidator",
                "connections.max.reauth.ms=300000",
                "# Principals: the Keycloak client id. ANONYMOUS is the loopback-only plaintext listener (controller, tooling).",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:ANONYMOUS;User:control-plane",
                "allow.everyone.if.no.acl.found=false",
                "");
    }

    private static String log4jConfig(Path logFile) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration status="warn">
                  <Appenders>
                    <File name="file" fileName="%s"><PatternLayout pattern="[%%d] %%p %%m (%%c)%%n"/></File>
                  </Appenders>
                  <Loggers>
                    <Logger name="kafka.authorizer.logger" level="info"/>
                    <Root level="info"><AppenderRef ref="file"/></Root>
                  </Loggers>
                </Configuration>
                """.formatted(logFile);
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
