package io.branchcast.controlplane.jobs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Job is one distribution of an artifact to a set of agents, chosen by site, label and/or agent id. */
@Entity
@Table(name = "jobs")
public class Job extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "artifact_id", nullable = false)
    public UUID artifactId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_sites", nullable = false)
    public List<UUID> targetSites;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_labels", nullable = false)
    public List<String> targetLabels;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_agents", nullable = false)
    public List<UUID> targetAgents;

    /** Agents do not start before this instant; null means at once. */
    @Column(name = "start_at")
    public Instant startAt;

    /** Targets not completed by then fail with deadline-exceeded; null means no deadline. Always after startAt. */
    public Instant deadline;

    /** Higher runs first when an agent has several jobs. */
    @Column(nullable = false)
    public int priority;

    /** Overrides the site's WAN budget for this job's origin traffic; null means the site budget. */
    @Column(name = "wan_cap_bps")
    public Long wanCapBytesPerSecond;

    /** How long agents keep seeding the payload to their peers after completing. */
    @Column(name = "seeding_seconds", nullable = false)
    public int seedingSeconds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobState state;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Optimistic lock; also the revision agents see on the desired-state topic. */
    @Version
    public long version;
}
