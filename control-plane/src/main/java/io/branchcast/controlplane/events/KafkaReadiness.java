package io.branchcast.controlplane.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.concurrent.TimeUnit;

/** KafkaReadiness reports the control plane ready only while it can log in to Kafka and see a broker. */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    @Inject
    KafkaClients clients;

    private Admin admin;

    @Override
    public HealthCheckResponse call() {
        try {
            int brokers = admin().describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
            return HealthCheckResponse.named("Kafka").status(brokers > 0).withData("brokers", brokers).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("Kafka").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = clients.admin();
        }
        return admin;
    }

    @jakarta.annotation.PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
