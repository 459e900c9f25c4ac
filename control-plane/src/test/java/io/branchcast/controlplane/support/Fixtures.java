package io.branchcast.controlplane.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixtures writes the rows a test needs and that other features normally create (READY artifacts, enrolled agents),
 * straight into the real database, so job tests do not depend on upload and enrollment.
 */
@ApplicationScoped
public class Fixtures {

    private static final AtomicInteger NEXT_SUBNET = new AtomicInteger();

    @Inject
    EntityManager em;

    public UUID readyArtifact(long sizeBytes) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO artifacts (id, name, version, state, size_bytes, sha256, piece_length, piece_count,
                                               storage_key, created_by, created_at, ready_at)
                        VALUES (?1, ?2, '1.0', 'READY', ?3, ?4, 262144, ?5, ?6, 'fixture', now(), now())
                        """)
                .setParameter(1, id).setParameter(2, "image-" + id).setParameter(3, sizeBytes)
                .setParameter(4, new byte[32]).setParameter(5, (int) Math.max(1, (sizeBytes + 262143) / 262144))
                .setParameter(6, id.toString()).executeUpdate());
        return id;
    }

    /** A site with a /24 of its own in 10.210.0.0/15, a range no other test uses. */
    public UUID site(String name) {
        int n = NEXT_SUBNET.getAndIncrement();
        return site(name, "10." + (210 + n / 256) + "." + (n % 256) + ".0/24");
    }

    public UUID site(String name, String cidr) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO sites (id, name, subnets, wan_budget_bps, created_at, updated_at)
                        VALUES (?1, ?2, ARRAY[?3], 1000000, now(), now())
                        """)
                .setParameter(1, id).setParameter(2, name).setParameter(3, cidr).executeUpdate());
        return id;
    }

    /** An enrolled agent whose Keycloak client is {@code clientId}, in no site. */
    public UUID enrolledAgent(String clientId) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO agents (id, client_id, hostname, labels, state, enrolled_at)
                        VALUES (?1, ?2, ?3, '{}', 'ACTIVE', now())
                        """)
                .setParameter(1, id).setParameter(2, clientId).setParameter(3, "ws-" + clientId).executeUpdate());
        return id;
    }

    public List<UUID> agents(UUID siteId, int count, String... labels) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            INSERT INTO agents (id, client_id, hostname, site_id, labels, state, enrolled_at)
                            VALUES (?1, ?2, ?3, ?4, ?5, 'ACTIVE', ?6)
                            """)
                    .setParameter(1, id).setParameter(2, "agent-" + id).setParameter(3, "ws-" + id.toString().substring(0, 8))
                    .setParameter(4, siteId).setParameter(5, labels).setParameter(6, Instant.now()).executeUpdate());
        }
        return ids;
    }

    /** One SQL statement in its own transaction, with positional parameters ?1, ?2, ...; returns the rows changed. */
    public int execute(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate();
        });
    }
}
