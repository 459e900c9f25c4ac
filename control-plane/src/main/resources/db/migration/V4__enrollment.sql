-- Agent enrollment: admins hand out enrollment tokens (only their SHA-256 is kept); a workstation's first start trades
-- one for its own Keycloak identity. Deleting a site (possible only without agents) takes its tokens along.
CREATE TABLE enrollment_tokens (
    id           uuid         PRIMARY KEY,
    site_id      uuid         NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    token_sha256 bytea        NOT NULL UNIQUE CHECK (length(token_sha256) = 32),
    labels       text[]       NOT NULL DEFAULT '{}',
    expires_at   timestamptz  NOT NULL,
    max_uses     integer      NOT NULL CHECK (max_uses > 0),
    uses         integer      NOT NULL DEFAULT 0 CHECK (uses >= 0 AND uses <= max_uses),
    created_by   varchar(200) NOT NULL,
    created_at   timestamptz  NOT NULL,
    revoked_at   timestamptz
);
CREATE INDEX enrollment_tokens_created ON enrollment_tokens (created_at DESC);
CREATE INDEX enrollment_tokens_site ON enrollment_tokens (site_id);

-- machine_id is unique across all sites: one workstation is one agent, wherever it moves. enrollment_token_id names the
-- token the agent last enrolled with, which makes a repeated enrollment with that token idempotent.
ALTER TABLE agents ADD COLUMN machine_id varchar(128) UNIQUE;
ALTER TABLE agents ADD COLUMN enrollment_token_id uuid REFERENCES enrollment_tokens (id) ON DELETE SET NULL;
ALTER TABLE agents ALTER COLUMN agent_version TYPE varchar(64);
