package io.branchcast.agent.daemon;

/** AgentVersion is the agent's version, from the jar manifest (a development build says 0.1.0-SNAPSHOT). */
public final class AgentVersion {

    private AgentVersion() {
    }

    public static String current() {
        String version = AgentVersion.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0-SNAPSHOT" : version;
    }
}
