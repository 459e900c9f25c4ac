package io.branchcast.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchcast.contracts.events.AgentEvent;
import io.branchcast.contracts.events.TargetState;
import io.branchcast.contracts.events.Topics;
import io.branchcast.devstack.Sandbox;
import io.branchcast.devstack.SharedStack;
import io.branchcast.devstack.StackInfo;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * IngestBench measures how fast the control plane applies agent events from Kafka to PostgreSQL. It seeds a fleet,
 * produces the events while the control plane is down, then starts it and times the ingestion from the first applied
 * event to the last, reading the control plane's own counter.
 */
public final class IngestBench {

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args);
        int events = options.intValue("events", 1_000_000);
        int agents = options.intValue("agents", 10_000);
        try (Sandbox bench = Sandbox.start("bench")) {
            bench.startControlPlane(options.repo(), List.of());
            List<String[]> targets;
            try (Connection db = bench.database()) {
                Seed.fleet(db, 1, agents, 1);
                targets = targets(db);
            }
            bench.stopControlPlane();
            produce(bench.stack(), targets, events);

            String baseUrl = bench.startControlPlane(options.repo(), List.of());
            long firstSeenAt = 0;
            double firstCount = 0;
            double count = 0;
            while (count < events) {
                count = ingested(baseUrl);
                if (firstSeenAt == 0 && count > 0) {
                    firstSeenAt = System.nanoTime();
                    firstCount = count;
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - firstSeenAt) / 1e9;
            System.out.printf("ingest events=%d events_per_s=%.0f%n", events, (count - firstCount) / seconds);
        }
    }

    private static List<String[]> targets(Connection db) throws Exception {
        List<String[]> targets = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT job_id, agent_id FROM job_targets")) {
            while (rs.next()) {
                targets.add(new String[]{rs.getString(1), rs.getString(2)});
            }
        }
        return targets;
    }

    private static void produce(StackInfo stack, List<String[]> targets, int events) throws Exception {
        Map<String, Object> config = new HashMap<>(SharedStack.kafkaOAuthClient(stack, "control-plane", StackInfo.CONTROL_PLANE_SECRET));
        config.put("linger.ms", 20);
        config.put("batch.size", 256 * 1024);
        config.put("compression.type", "lz4");
        ObjectMapper json = new ObjectMapper();
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < events; i++) {
                String[] target = targets.get(i % targets.size());
                long seq = i / targets.size() + 1;
                long done = Math.min(Seed.ARTIFACT_SIZE, seq * 40_000_000L);
                AgentEvent event = new AgentEvent(target[1], target[0], seq, TargetState.DOWNLOADING, done,
                        Seed.ARTIFACT_SIZE, done - done / 10, done / 10, null, null, System.currentTimeMillis());
                producer.send(new ProducerRecord<>(Topics.AGENT_EVENTS.name(), target[1], json.writeValueAsString(event)));
            }
            producer.flush();
        }
        System.out.printf("bench: produced %d events in %.1f s%n", events, (System.nanoTime() - started) / 1e9);
    }

    private static double ingested(String baseUrl) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return metrics.body().lines()
                .filter(l -> l.startsWith("branchcast_agent_events_ingested_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
