package io.branchcast.controlplane.sites;

import io.branchcast.controlplane.agents.AgentView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** SiteAgentCounts counts the agents of every site by liveness in one grouped query (index agents_site). */
@ApplicationScoped
public class SiteAgentCounts {

    private static final String BY_SITE = """
            SELECT site_id,
                   count(*) FILTER (WHERE state = 'ACTIVE' AND last_seen_at > ?),
                   count(*) FILTER (WHERE state = 'ACTIVE' AND (last_seen_at IS NULL OR last_seen_at <= ?)),
                   count(*) FILTER (WHERE state = 'REVOKED')
            FROM agents WHERE site_id IS NOT NULL AND (CAST(? AS uuid) IS NULL OR site_id = CAST(? AS uuid)) GROUP BY site_id
            """;

    @Inject
    Session session;

    /** Counts per site id; sites without agents are absent. */
    public Map<UUID, AgentCounts> all() {
        return query(null);
    }

    public AgentCounts of(UUID siteId) {
        return query(siteId).getOrDefault(siteId, AgentCounts.NONE);
    }

    private Map<UUID, AgentCounts> query(UUID onlySite) {
        Timestamp onlineSince = Timestamp.from(Instant.now().minus(AgentView.ONLINE_WITHIN));
        return session.doReturningWork(c -> {
            Map<UUID, AgentCounts> counts = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(BY_SITE)) {
                s.setTimestamp(1, onlineSince);
                s.setTimestamp(2, onlineSince);
                s.setObject(3, onlySite, Types.OTHER);
                s.setObject(4, onlySite, Types.OTHER);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getObject(1, UUID.class), new AgentCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                    }
                }
            }
            return counts;
        });
    }
}
