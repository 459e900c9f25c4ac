package io.branchcast.contracts.events;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventContractsTest {

    private static JobDesiredState job(List<String> sites, List<String> labels, List<String> agents) {
        return new JobDesiredState("j1", 1, "a1", "m", "c", 10, sites, labels, agents, 0, 0, 0, 0, 0, false);
    }

    @Test
    void agentErrorCodesAreUnique() {
        assertThat(Arrays.stream(AgentErrorCode.values()).map(AgentErrorCode::code)).doesNotHaveDuplicates();
    }

    @Test
    void targetsListedAgentsWhateverTheirSite() {
        assertThat(job(List.of(), List.of(), List.of("a7")).targets("a7", "s9", List.of())).isTrue();
        assertThat(job(List.of(), List.of(), List.of("a7")).targets("a8", "s9", List.of())).isFalse();
    }

    @Test
    void targetsAgentsOfTheSitesThatCarryEveryLabel() {
        JobDesiredState job = job(List.of("s1"), List.of("kiosk", "floor-2"), List.of());
        assertThat(job.targets("a1", "s1", List.of("kiosk", "floor-2", "x"))).isTrue();
        assertThat(job.targets("a1", "s1", List.of("kiosk"))).isFalse();
        assertThat(job.targets("a1", "s2", List.of("kiosk", "floor-2"))).isFalse();
    }

    @Test
    void labelsAloneTargetEverySite() {
        assertThat(job(List.of(), List.of("kiosk"), List.of()).targets("a1", "any", List.of("kiosk"))).isTrue();
    }

    @Test
    void refusesNegativeCounters() {
        assertThatThrownBy(() -> new AgentEvent("a", "j", 1, TargetState.DOWNLOADING, -1, 0, 0, 0, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
