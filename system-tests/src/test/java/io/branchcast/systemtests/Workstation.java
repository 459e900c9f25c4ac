package io.branchcast.systemtests;

import io.branchcast.devstack.AgentSpec;
import io.branchcast.devstack.ChildProcess;

import java.nio.file.Path;

/** Workstation is one running agent process of a test office, with the id the control plane gave it. */
final class Workstation {

    final AgentSpec spec;
    final String agentId;
    private ChildProcess process;

    Workstation(AgentSpec spec, ChildProcess process, String agentId) {
        this.spec = spec;
        this.process = process;
        this.agentId = agentId;
    }

    Path stateDir() {
        return spec.stateDir();
    }

    /** Where the agent keeps payloads by default (see docs/agent.md). */
    Path payloadDir() {
        return spec.stateDir().resolve("payloads");
    }

    /** Kills the process without warning, as a power cut would. */
    void kill() {
        process.kill();
    }

    void restart() {
        process = SystemUnderTest.get().start(spec);
    }

    void stop() {
        SystemUnderTest.stop(process);
    }
}
