package io.branchcast.controlplane.jobs;

import io.branchcast.contracts.events.TargetState;
import io.branchcast.controlplane.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;

/** How much the LAN saved the WAN lately: delivered bytes by source over the last day or week. */
@Path("/api/v1/stats/delivery")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class DeliveryStatsResource {

    @Inject
    EntityManager em;

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Bytes delivered from peers and from the origin by targets updated in the window (24h or 7d)")
    public DeliveryStats delivery(@QueryParam("window") String windowName) {
        DeliveryWindow window = DeliveryWindow.parse(windowName);
        Instant since = Instant.now().minus(window.length());
        Object[] row = (Object[]) em.createQuery("""
                        select coalesce(sum(t.bytesFromPeers), 0), coalesce(sum(t.bytesFromOrigin), 0), count(t),
                               count(case when t.state = :completed then 1 end)
                        from JobTarget t where t.updatedAt >= :since""")
                .setParameter("since", since)
                .setParameter("completed", TargetState.COMPLETED)
                .getSingleResult();
        return new DeliveryStats(window.label(), since, ((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue());
    }
}
