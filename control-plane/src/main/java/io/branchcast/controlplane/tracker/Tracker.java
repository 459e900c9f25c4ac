package io.branchcast.controlplane.tracker;

import io.branchcast.controlplane.agents.Agent;
import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tracker answers announces: it records where an agent's peer listener is for a job, and hands it the other live
 * peers of that job, same site first. Only agents the job targets take part.
 */
@ApplicationScoped
public class Tracker {

    private final Map<AnnounceEvent, Counter> announces = new EnumMap<>(AnnounceEvent.class);
    private final SwarmPeers peers;
    private final TrackerConfig config;

    @Inject
    Tracker(SwarmPeers peers, TrackerConfig config, MeterRegistry registry) {
        this.peers = peers;
        this.config = config;
        for (AnnounceEvent event : AnnounceEvent.values()) {
            announces.put(event, Counter.builder("branchcast.tracker.announces")
                    .tag("event", event.name().toLowerCase(Locale.ROOT))
                    .description("Announces answered, by event").register(registry));
        }
    }

    /** @param ip the address the announce came from: agents bind their connections to the address peers reach them at */
    @Transactional
    public AnnounceResponse announce(Agent caller, AnnounceRequest request, String ip) {
        SwarmPeers.Membership membership = peers.membership(request.jobId(), caller.id);
        if (membership == SwarmPeers.Membership.NO_SUCH_JOB) {
            throw ApiException.notFound("job", request.jobId());
        }
        if (membership == SwarmPeers.Membership.NOT_A_TARGET) {
            throw new ApiException(ErrorCode.FORBIDDEN, "agent " + caller.id + " is not a target of job " + request.jobId());
        }
        List<PeerView> found = List.of();
        if (request.event() == AnnounceEvent.STOPPED) {
            peers.remove(request.jobId(), caller.id);
        } else {
            peers.upsert(request.jobId(), caller.id, ip, request.port(), request.event() == AnnounceEvent.COMPLETED);
            if (request.numwant() > 0) {
                found = peers.pick(request.jobId(), caller.id, caller.siteId, config.expiry(), request.numwant());
            }
        }
        announces.get(request.event()).increment();
        return new AnnounceResponse(config.interval().toSeconds(), found);
    }
}
