package io.branchcast.agent.status;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Locale;

/** StatusTable renders a {@code GET /status} answer as text for {@code branchcast-agent status}. */
public final class StatusTable {

    private StatusTable() {
    }

    public static String render(JsonObject status) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("agent   %s (site %s), version %s%n", status.getString("agentId"),
                status.getString("siteId"), status.getString("version")));
        text.append(String.format("kafka   %s, %d events buffered%n", status.getString("kafka"),
                status.getInteger("bufferedEvents", 0)));
        JsonArray jobs = status.getJsonArray("jobs", new JsonArray());
        if (jobs.isEmpty()) {
            return text.append("no jobs\n").toString();
        }
        text.append(String.format("%n%-36s  %-11s  %6s  %19s  %9s  %9s  %5s  %10s  %10s%n", "JOB", "STATE", "DONE",
                "BYTES", "PEERS-B", "ORIGIN-B", "PEERS", "DOWN/S", "UP/S"));
        for (int i = 0; i < jobs.size(); i++) {
            JsonObject job = jobs.getJsonObject(i);
            long done = job.getLong("bytesDone", 0L);
            long total = job.getLong("bytesTotal", 0L);
            text.append(String.format(Locale.ROOT, "%-36s  %-11s  %5.1f%%  %19s  %9s  %9s  %5d  %10s  %10s%n",
                    job.getString("jobId"), job.getString("state"), total == 0 ? 0.0 : 100.0 * done / total,
                    size(done) + "/" + size(total), size(job.getLong("bytesFromPeers", 0L)),
                    size(job.getLong("bytesFromOrigin", 0L)), job.getInteger("peers", 0),
                    size(job.getDouble("downloadRate", 0.0).longValue()),
                    size(job.getDouble("uploadRate", 0.0).longValue())));
            if (job.getString("error") != null) {
                text.append("    error: ").append(job.getString("error")).append('\n');
            }
        }
        return text.toString();
    }

    static String size(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
