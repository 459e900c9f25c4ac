package io.branchcast.controlplane.tracker;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * SwarmPeerCleanup deletes the peers that stopped announcing. Answers already ignore them; this only keeps the table
 * as small as the live swarms. Every replica may run it: the delete is idempotent.
 */
@ApplicationScoped
public class SwarmPeerCleanup {

    private static final Logger LOG = Logger.getLogger(SwarmPeerCleanup.class);

    @Inject
    SwarmPeers peers;

    @Inject
    TrackerConfig config;

    @Scheduled(every = "60s", delay = 60, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        int removed = peers.purgeSilentFor(config.expiry());
        if (removed > 0) {
            LOG.debugf("tracker: dropped %d silent peer(s)", removed);
        }
    }
}
