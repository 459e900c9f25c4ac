package io.branchcast.agent.kafka;

import io.branchcast.agent.enrollment.Credentials;
import io.branchcast.devstack.SharedStack;
import io.branchcast.devstack.StackInfo;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * TestTopics gives a test its own desired-state and agent-events topics on the shared stack's broker, with the ACLs
 * that enrollment gives an agent, granted to the realm's {@code demo-agent} client; {@link #close()} removes them.
 */
public final class TestTopics implements AutoCloseable {

    public static final String CLIENT_ID = "demo-agent";
    public static final String CLIENT_SECRET = "demo-agent-secret";

    public final StackInfo stack = SharedStack.get();
    public final String desired = "agent-daemon-test." + UUID.randomUUID() + ".desired";
    public final String events = "agent-daemon-test." + UUID.randomUUID() + ".events";
    private final Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaInternalBootstrap()));
    private final List<AclBinding> acls = List.of(
            acl(ResourceType.TOPIC, desired, AclOperation.READ), acl(ResourceType.TOPIC, desired, AclOperation.DESCRIBE),
            acl(ResourceType.TOPIC, events, AclOperation.WRITE), acl(ResourceType.TOPIC, events, AclOperation.DESCRIBE),
            acl(ResourceType.CLUSTER, "kafka-cluster", AclOperation.IDEMPOTENT_WRITE));

    public TestTopics() throws Exception {
        admin.createTopics(List.of(
                new NewTopic(desired, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                new NewTopic(events, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
    }

    private static AclBinding acl(ResourceType type, String name, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry("User:" + CLIENT_ID, "*", operation, AclPermissionType.ALLOW));
    }

    /** Credentials as enrollment would return them for an agent logging in as {@code demo-agent}. */
    public Credentials credentials(String agentId, String secret) {
        return new Credentials(agentId, "site-1", List.of(), CLIENT_ID, secret, stack.realmUrl(), stack.tokenUrl(),
                stack.kafkaBootstrap(), desired, events, "http://127.0.0.1:1", Map.of());
    }

    /** Plaintext client settings on the broker's internal listener (the test's own producer and consumer). */
    public Map<String, Object> internal() {
        return Map.of("bootstrap.servers", stack.kafkaInternalBootstrap());
    }

    @Override
    public void close() throws Exception {
        // the cluster ACL is shared by every test of this client; only the topic ACLs are removed
        admin.deleteAcls(acls.subList(0, 4).stream().map(AclBinding::toFilter).toList()).all()
                .get(30, TimeUnit.SECONDS);
        admin.deleteTopics(List.of(desired, events)).all().get(30, TimeUnit.SECONDS);
        admin.close();
    }
}
