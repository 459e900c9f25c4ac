package io.branchcast.controlplane.sites;

/** AgentCounts is how many of a site's agents are online and offline (both active), and how many were revoked. */
public record AgentCounts(long online, long offline, long revoked) {

    public static final AgentCounts NONE = new AgentCounts(0, 0, 0);
}
