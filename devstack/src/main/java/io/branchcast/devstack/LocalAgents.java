package io.branchcast.devstack;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * LocalAgents are the workstations of {@code bin/run}: agents on 127.0.0.2, .3, ... in the site "Local office"
 * (subnet 127.0.0.0/24). The first run creates the site and one enrollment token for all of them; later runs find
 * their credentials in the state directories and need no token.
 */
final class LocalAgents {

    static final String SITE_NAME = "Local office";
    static final int PEER_PORT = 6881;
    static final int STATUS_PORT = 7666;

    static final int MAX_AGENTS = 20;

    private LocalAgents() {
    }

    /** How many agents to start: {@code BRANCHCAST_RUN_AGENTS}, 3 by default, 0 for none. */
    static int count(Map<String, String> env) {
        String value = env.getOrDefault("BRANCHCAST_RUN_AGENTS", "3").trim();
        try {
            int count = Integer.parseInt(value);
            if (count >= 0 && count <= MAX_AGENTS) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the allowed range
        }
        throw new StackException("BRANCHCAST_RUN_AGENTS=" + value + " is not a number from 0 to " + MAX_AGENTS);
    }

    static List<AgentSpec> prepare(int count, Path dir, ControlPlaneApi admin) {
        List<Path> stateDirs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stateDirs.add(dir.resolve("agent-" + (i + 1)).resolve("state"));
        }
        boolean allEnrolled = stateDirs.stream().allMatch(d -> Files.exists(d.resolve("credentials.json")));
        String token = allEnrolled ? null : enrollmentToken(admin, count);
        List<AgentSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            specs.add(new AgentSpec("workstation-" + (i + 1), "127.0.0." + (i + 2), PEER_PORT, STATUS_PORT,
                    stateDirs.get(i), admin.baseUrl(), token));
        }
        return specs;
    }

    private static String enrollmentToken(ControlPlaneApi admin, int uses) {
        String siteId = siteId(admin);
        JsonNode token = admin.post("/api/v1/enrollment-tokens",
                Map.of("siteId", siteId, "expiresInSeconds", 3600, "maxUses", uses));
        return token.path("token").asText();
    }

    private static String siteId(ControlPlaneApi admin) {
        for (JsonNode site : admin.get("/api/v1/sites")) {
            if (SITE_NAME.equals(site.path("name").asText())) {
                return site.path("id").asText();
            }
        }
        return admin.post("/api/v1/sites", Map.of("name", SITE_NAME, "subnets", List.of("127.0.0.0/24"),
                "wanBudgetBytesPerSecond", 12_500_000L)).path("id").asText();
    }
}
