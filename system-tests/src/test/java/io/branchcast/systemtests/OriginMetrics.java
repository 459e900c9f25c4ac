package io.branchcast.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** OriginMetrics reads how many payload bytes the control plane's origin has sent so far (Prometheus endpoint). */
final class OriginMetrics {

    private static final String METRIC = "branchcast_origin_bytes_served_total";

    private OriginMetrics() {
    }

    static long bytesServed() throws IOException, InterruptedException {
        String text = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(SystemUnderTest.get().baseUrl() + "/q/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(METRIC)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) total;
    }
}
