package io.branchcast.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.branchcast.devstack.Sandbox;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * ApiBench measures the latency of the job endpoints an admin console polls, {@code GET /api/v1/jobs/{id}} and
 * {@code /targets}, against a database holding a large fleet.
 */
public final class ApiBench {

    private ApiBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args);
        int agents = options.intValue("agents", 10_000);
        int jobs = options.intValue("jobs", 1_000);
        int requests = options.intValue("requests", 4_000);
        int concurrency = options.intValue("concurrency", 1);
        try (Sandbox bench = Sandbox.start("bench")) {
            String baseUrl = bench.startControlPlane(options.repo(), List.of());
            List<String> jobIds = new ArrayList<>();
            try (Connection db = bench.database()) {
                long started = System.nanoTime();
                Seed.fleet(db, Math.max(1, agents / 1000), agents, jobs);
                try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT id, (SELECT count(*) FROM job_targets) FROM jobs")) {
                    while (rs.next()) {
                        jobIds.add(rs.getString(1));
                        if (jobIds.size() == 1) {
                            System.out.printf("bench: seeded %d agents, %d jobs, %d job targets in %.1f s%n", agents, jobs,
                                    rs.getLong(2), (System.nanoTime() - started) / 1e9);
                        }
                    }
                }
            }
            String token = token(bench);
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(concurrency)).build();
            run(http, baseUrl, token, jobIds, requests / 2, concurrency, new Latencies(), new Latencies());
            Latencies job = new Latencies();
            Latencies targets = new Latencies();
            run(http, baseUrl, token, jobIds, requests, concurrency, job, targets);
            System.out.printf("bench: GET /jobs/{id}         n=%d p50_ms=%.2f p99_ms=%.2f%n", job.count(),
                    job.percentileMillis(50), job.percentileMillis(99));
            System.out.printf("bench: GET /jobs/{id}/targets n=%d p50_ms=%.2f p99_ms=%.2f%n", targets.count(),
                    targets.percentileMillis(50), targets.percentileMillis(99));
            Latencies all = new Latencies();
            all.addAll(job);
            all.addAll(targets);
            System.out.printf("api p50_ms=%.2f p99_ms=%.2f%n", all.percentileMillis(50), all.percentileMillis(99));
        }
    }

    /** {@code requests} requests alternating between the two endpoints, from {@code concurrency} threads. */
    private static void run(HttpClient http, String baseUrl, String token, List<String> jobIds, int requests,
                            int concurrency, Latencies job, Latencies targets) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < requests; i++) {
            boolean detail = i % 2 == 0;
            pool.submit(() -> {
                String id = jobIds.get(ThreadLocalRandom.current().nextInt(jobIds.size()));
                URI uri = URI.create(baseUrl + "/api/v1/jobs/" + id + (detail ? "" : "/targets?size=50"));
                HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build();
                long started = System.nanoTime();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                long took = System.nanoTime() - started;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(uri + " answered " + response.statusCode());
                }
                (detail ? job : targets).add(took);
                return null;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("requests did not finish within 10 minutes");
        }
    }

    private static String token(Sandbox bench) throws Exception {
        String form = "grant_type=password&client_id=branchcast-cli&username=admin&password="
                + URLEncoder.encode("admin", StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(bench.stack().tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body()).path("access_token").asText();
    }
}
