package io.branchcast.controlplane.enrollment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** EnrollmentToken lets up to {@code maxUses} workstations enroll into a site until it expires or is revoked. */
@Entity
@Table(name = "enrollment_tokens")
public class EnrollmentToken extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "site_id", nullable = false)
    public UUID siteId;

    /** SHA-256 of the secret; the secret itself is shown once, at creation. */
    @Column(name = "token_sha256", nullable = false, unique = true)
    public byte[] tokenSha256;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> labels;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "max_uses", nullable = false)
    public int maxUses;

    /** Changed only by the atomic claim in {@link EnrollmentLedger}, never through this entity. */
    @Column(nullable = false)
    public int uses;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
