package io.branchcast.controlplane.jobs;

import io.branchcast.controlplane.events.OutboxPublisher;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JobMetrics exposes job counts by state and the outbox backlog as Prometheus gauges, refreshed every 15 s rather than
 * on every scrape so that scrapes never load the database.
 */
@ApplicationScoped
public class JobMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxPublisher outbox;

    private final Map<JobState, AtomicLong> byState = new EnumMap<>(JobState.class);
    private final AtomicLong outboxMessages = new AtomicLong();
    private final AtomicLong outboxOldestMillis = new AtomicLong();

    void register(@Observes StartupEvent event) {
        for (JobState state : JobState.values()) {
            AtomicLong value = new AtomicLong();
            byState.put(state, value);
            Gauge.builder("branchcast.jobs", value, AtomicLong::get).tag("state", state.name().toLowerCase())
                    .description("Jobs by state").register(registry);
        }
        Gauge.builder("branchcast.outbox.messages", outboxMessages, AtomicLong::get)
                .description("Kafka records committed but not yet acknowledged").register(registry);
        Gauge.builder("branchcast.outbox.oldest.seconds", outboxOldestMillis, v -> v.get() / 1000.0)
                .description("Age of the oldest unpublished outbox record").register(registry);
    }

    @Scheduled(every = "15s", delay = 5, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void refresh() {
        byState.values().forEach(v -> v.set(0));
        List<Object[]> rows = Job.getEntityManager()
                .createQuery("SELECT j.state, count(j) FROM Job j GROUP BY j.state", Object[].class).getResultList();
        rows.forEach(r -> byState.get((JobState) r[0]).set((Long) r[1]));
        OutboxPublisher.Lag lag = outbox.lag();
        outboxMessages.set(lag.messages());
        outboxOldestMillis.set(Math.round(lag.oldestSeconds() * 1000));
    }
}
