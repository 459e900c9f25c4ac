package io.branchcast.controlplane.enrollment;

import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.ErrorCode;
import io.branchcast.controlplane.events.KafkaClients;
import io.branchcast.controlplane.events.KafkaConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * AgentKafkaAcls grants an agent's Kafka principal (its client id) exactly what an agent does: read and describe the
 * desired-state topic, write and describe the agent-events topic, idempotent writes on the cluster. Revoking deletes
 * every ACL of the principal; the broker checks ACLs on every request, so open connections lose access at once.
 */
@ApplicationScoped
public class AgentKafkaAcls {

    private static final Logger LOG = Logger.getLogger(AgentKafkaAcls.class);
    private static final long TIMEOUT_SECONDS = 10;

    @Inject
    KafkaClients clients;

    @Inject
    KafkaConfig config;

    private Admin admin;

    /** Creating ACLs that exist already changes nothing, so this is safe to repeat. */
    public void grant(String clientId) {
        String principal = principal(clientId);
        List<AclBinding> bindings = List.of(
                allow(topic(config.jobsDesiredTopic()), principal, AclOperation.READ),
                allow(topic(config.jobsDesiredTopic()), principal, AclOperation.DESCRIBE),
                allow(topic(config.agentEventsTopic()), principal, AclOperation.WRITE),
                allow(topic(config.agentEventsTopic()), principal, AclOperation.DESCRIBE),
                allow(new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL), principal,
                        AclOperation.IDEMPOTENT_WRITE));
        await("grant " + principal + " its ACLs", admin().createAcls(bindings).all());
    }

    public void revoke(String clientId) {
        String principal = principal(clientId);
        AclBindingFilter everything = new AclBindingFilter(ResourcePatternFilter.ANY,
                new AccessControlEntryFilter(principal, null, AclOperation.ANY, AclPermissionType.ANY));
        await("delete the ACLs of " + principal, admin().deleteAcls(List.of(everything)).all());
    }

    private static String principal(String clientId) {
        return "User:" + clientId;
    }

    private static ResourcePattern topic(String name) {
        return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
    }

    private static AclBinding allow(ResourcePattern resource, String principal, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    private static void await(String what, KafkaFuture<?> result) {
        try {
            result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(what);
        } catch (Exception e) {
            LOG.warnf(e, "Kafka could not %s", what);
            throw unavailable(what);
        }
    }

    private static ApiException unavailable(String what) {
        return new ApiException(ErrorCode.UNAVAILABLE, "Kafka could not " + what + "; retry later, repeating it is safe");
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = clients.admin();
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
