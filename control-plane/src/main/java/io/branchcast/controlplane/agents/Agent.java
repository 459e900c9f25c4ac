package io.branchcast.controlplane.agents;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Agent is one enrolled workstation: its identity (the Keycloak client it logs in with), site, labels and liveness. */
@Entity
@Table(name = "agents")
public class Agent extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The Keycloak client id the agent authenticates as; also its Kafka principal. */
    @Column(name = "client_id", nullable = false, unique = true)
    public String clientId;

    @Column(nullable = false)
    public String hostname;

    /** The workstation's stable id (e.g. /etc/machine-id); one machine is one agent across all sites. */
    @Column(name = "machine_id", unique = true)
    public String machineId;

    /** The enrollment token this agent last enrolled with; enrolling again with it is idempotent. */
    @Column(name = "enrollment_token_id")
    public UUID enrollmentTokenId;

    @Column(name = "site_id")
    public UUID siteId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> labels;

    @Column(name = "agent_version")
    public String agentVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgentState state;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    @Column(name = "enrolled_at", nullable = false)
    public Instant enrolledAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
