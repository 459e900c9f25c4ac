package io.branchcast.controlplane.sites;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Site is a branch office: the subnets its workstations live in (no two sites overlap) and the WAN budget its origin
 * traffic must stay within.
 */
@Entity
@Table(name = "sites")
public class Site extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String name;

    /** Normalized CIDR strings; never empty. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> subnets;

    /** Bytes per second the site may pull from the origin, summed over its agents; always positive. */
    @Column(name = "wan_budget_bps", nullable = false)
    public long wanBudgetBytesPerSecond;

    /** When origin transfers may run; empty means always. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "transfer_windows", nullable = false)
    public List<TransferWindow> transferWindows;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
