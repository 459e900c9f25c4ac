-- Branchcast control plane: the single source of truth for what must be where.

CREATE TABLE sites (
    id               uuid PRIMARY KEY,
    name             varchar(100) NOT NULL UNIQUE,
    subnets          text[]       NOT NULL,
    wan_budget_bps   bigint       NOT NULL CHECK (wan_budget_bps > 0),
    transfer_windows jsonb        NOT NULL DEFAULT '[]',
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL DEFAULT 0
);

CREATE TABLE artifacts (
    id            uuid PRIMARY KEY,
    name          varchar(200) NOT NULL,
    version       varchar(100) NOT NULL,
    state         varchar(20)  NOT NULL,
    size_bytes    bigint,
    sha256        bytea,
    piece_length  integer,
    piece_count   integer,
    info_hash     bytea,
    manifest      bytea,
    storage_key   varchar(500) NOT NULL,
    created_by    varchar(200) NOT NULL,
    created_at    timestamptz  NOT NULL,
    ready_at      timestamptz,
    failure       varchar(1000),
    CONSTRAINT artifacts_name_version UNIQUE (name, version)
);

CREATE TABLE agents (
    id            uuid PRIMARY KEY,
    client_id     varchar(100) NOT NULL UNIQUE,
    hostname      varchar(255) NOT NULL,
    site_id       uuid REFERENCES sites (id),
    labels        text[]       NOT NULL DEFAULT '{}',
    agent_version varchar(50),
    state         varchar(20)  NOT NULL,
    last_seen_at  timestamptz,
    enrolled_at   timestamptz  NOT NULL,
    revoked_at    timestamptz
);
CREATE INDEX agents_site ON agents (site_id);

CREATE TABLE jobs (
    id              uuid PRIMARY KEY,
    name            varchar(200) NOT NULL,
    artifact_id     uuid         NOT NULL REFERENCES artifacts (id),
    target_sites    uuid[]       NOT NULL DEFAULT '{}',
    target_labels   text[]       NOT NULL DEFAULT '{}',
    target_agents   uuid[]       NOT NULL DEFAULT '{}',
    start_at        timestamptz,
    deadline        timestamptz,
    priority        integer      NOT NULL DEFAULT 0,
    wan_cap_bps     bigint,
    seeding_seconds integer      NOT NULL DEFAULT 3600,
    state           varchar(20)  NOT NULL,
    created_by      varchar(200) NOT NULL,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    started_at      timestamptz,
    finished_at     timestamptz,
    version         bigint       NOT NULL DEFAULT 0
);
CREATE INDEX jobs_state ON jobs (state, created_at DESC);
CREATE INDEX jobs_artifact ON jobs (artifact_id);

-- One row per job x agent. last_seq is the highest agent-event sequence applied: older or repeated events are ignored,
-- which makes ingestion idempotent and safe against reordering.
CREATE TABLE job_targets (
    job_id            uuid        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    agent_id          uuid        NOT NULL REFERENCES agents (id),
    state             varchar(20) NOT NULL,
    bytes_done        bigint      NOT NULL DEFAULT 0,
    bytes_total       bigint,
    bytes_from_peers  bigint      NOT NULL DEFAULT 0,
    bytes_from_origin bigint      NOT NULL DEFAULT 0,
    error_code        varchar(50),
    error_message     varchar(1000),
    last_seq          bigint      NOT NULL DEFAULT -1,
    started_at        timestamptz,
    updated_at        timestamptz NOT NULL,
    finished_at       timestamptz,
    PRIMARY KEY (job_id, agent_id)
);
CREATE INDEX job_targets_job_state ON job_targets (job_id, state);
CREATE INDEX job_targets_agent ON job_targets (agent_id);

CREATE TABLE audit_events (
    id          bigserial PRIMARY KEY,
    at          timestamptz  NOT NULL,
    actor       varchar(200) NOT NULL,
    action      varchar(100) NOT NULL,
    target_type varchar(50)  NOT NULL,
    target_id   varchar(100),
    before      jsonb,
    after       jsonb
);
CREATE INDEX audit_events_at ON audit_events (at DESC);

-- Transactional outbox: written in the same transaction as the change it announces, published after commit.
CREATE TABLE outbox (
    id          bigserial PRIMARY KEY,
    topic       varchar(200) NOT NULL,
    message_key varchar(200) NOT NULL,
    payload     text,
    created_at  timestamptz  NOT NULL
);
