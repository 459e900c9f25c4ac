package io.branchcast.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchcast.devstack.AgentSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Office is a test site with enrolled, running workstations; closing it stops them. */
final class Office implements AutoCloseable {

    private static final AtomicInteger SUBNET = new AtomicInteger(1);

    final String siteId;
    final List<Workstation> workstations = new ArrayList<>();

    private Office(String siteId) {
        this.siteId = siteId;
    }

    static Office open(String name, int agents) {
        SystemUnderTest sut = SystemUnderTest.get();
        JsonNode site = sut.admin.post("/api/v1/sites", Map.of("name", name,
                "subnets", List.of("10.251." + SUBNET.getAndIncrement() + ".0/24"),
                "wanBudgetBytesPerSecond", 12_500_000L));
        Office office = new Office(site.path("id").asText());
        if (agents == 0) {
            return office;
        }
        String token = office.enrollmentToken(agents);
        try {
            for (int i = 0; i < agents; i++) {
                office.workstations.add(office.startNew(token));
            }
        } catch (RuntimeException e) {
            office.close();
            throw e;
        }
        return office;
    }

    String enrollmentToken(int uses) {
        return SystemUnderTest.get().admin.post("/api/v1/enrollment-tokens",
                Map.of("siteId", siteId, "expiresInSeconds", 3600, "maxUses", uses)).path("token").asText();
    }

    /** Starts a new workstation that enrolls with {@code token} and returns once it runs. */
    Workstation startNew(String token) {
        SystemUnderTest sut = SystemUnderTest.get();
        AgentSpec spec = sut.newAgent(token);
        var process = sut.start(spec);
        String agentId = sut.admin.get("/api/v1/agents?q=" + spec.name()).path("items").path(0).path("id").asText();
        return new Workstation(spec, process, agentId);
    }

    List<String> agentIds() {
        return workstations.stream().map(w -> w.agentId).toList();
    }

    @Override
    public void close() {
        workstations.forEach(Workstation::stop);
    }
}
