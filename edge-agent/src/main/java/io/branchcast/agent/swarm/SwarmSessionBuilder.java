package io.branchcast.agent.swarm;

import io.branchcast.agent.origin.WebSeedFetcher;
import io.branchcast.agent.swarm.peers.OpenAdmission;
import io.branchcast.agent.swarm.peers.PeerAdmission;
import io.branchcast.agent.swarm.peers.PeerBanList;
import io.branchcast.agent.swarm.peers.PeerSource;
import io.branchcast.agent.swarm.peers.StaticPeerSource;
import io.branchcast.agent.swarm.storage.PieceStore;
import io.branchcast.contracts.manifest.Manifest;

import java.util.List;
import java.util.Objects;

/**
 * SwarmSessionBuilder assembles a {@link SwarmSession}: the verified manifest and the store are required; by default
 * peers come from no source, every peer is admitted, bans are private to the session, and there is no origin.
 */
public final class SwarmSessionBuilder {

    private final Manifest manifest;
    private final PieceStore store;
    private PeerSource peerSource = new StaticPeerSource(List.of());
    private PeerAdmission admission = new OpenAdmission();
    private PeerBanList banList = new PeerBanList();
    private WebSeedFetcher origin;
    private SwarmOptions options = new SwarmOptions();

    SwarmSessionBuilder(Manifest manifest, PieceStore store) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.store = Objects.requireNonNull(store, "store");
    }

    public SwarmSessionBuilder peerSource(PeerSource peerSource) {
        this.peerSource = Objects.requireNonNull(peerSource, "peerSource");
        return this;
    }

    public SwarmSessionBuilder admission(PeerAdmission admission) {
        this.admission = Objects.requireNonNull(admission, "admission");
        return this;
    }

    /** A ban list shared with other sessions of the agent. */
    public SwarmSessionBuilder banList(PeerBanList banList) {
        this.banList = Objects.requireNonNull(banList, "banList");
        return this;
    }

    /** The origin (web seed) with its scheduler; null for none. */
    public SwarmSessionBuilder origin(WebSeedFetcher origin) {
        this.origin = origin;
        return this;
    }

    public SwarmSessionBuilder options(SwarmOptions options) {
        this.options = new SwarmOptions(options);
        return this;
    }

    public SwarmSession build() {
        return new SwarmSession(manifest, store, peerSource, admission, banList, origin, options);
    }
}
