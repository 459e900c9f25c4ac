-- Tracker: the agents of a job that announced themselves recently, with the address their peer listener takes
-- connections on. One row per job x agent, rewritten by every announce; rows older than three announce intervals are
-- ignored by queries and deleted by a periodic cleanup.
CREATE TABLE swarm_peers (
    job_id       uuid        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    agent_id     uuid        NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    ip           varchar(45) NOT NULL,
    port         integer     NOT NULL CHECK (port BETWEEN 1 AND 65535),
    complete     boolean     NOT NULL DEFAULT false,
    announced_at timestamptz NOT NULL,
    PRIMARY KEY (job_id, agent_id)
);
CREATE INDEX swarm_peers_job_announced ON swarm_peers (job_id, announced_at);
CREATE INDEX swarm_peers_announced ON swarm_peers (announced_at);
