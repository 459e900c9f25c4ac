package io.branchcast.controlplane.jobs;

import io.branchcast.contracts.events.TargetState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * JobTarget is one agent's part in one job, as its events reported it. Written mostly by the agent-event ingestor in
 * bulk SQL; {@code lastSeq} is the newest event applied, so older or repeated events never move it backwards.
 */
@Entity
@Table(name = "job_targets")
@IdClass(JobTargetId.class)
public class JobTarget extends PanacheEntityBase {

    @Id
    @Column(name = "job_id")
    public UUID jobId;

    @Id
    @Column(name = "agent_id")
    public UUID agentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TargetState state;

    @Column(name = "bytes_done", nullable = false)
    public long bytesDone;

    @Column(name = "bytes_total")
    public Long bytesTotal;

    @Column(name = "bytes_from_peers", nullable = false)
    public long bytesFromPeers;

    @Column(name = "bytes_from_origin", nullable = false)
    public long bytesFromOrigin;

    @Column(name = "error_code")
    public String errorCode;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
