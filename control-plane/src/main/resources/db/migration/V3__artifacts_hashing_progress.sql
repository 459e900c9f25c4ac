-- Artifacts: hashing progress of registered files (bytes hashed so far; equals size_bytes once READY), and an index
-- for the list filtered by state, newest first.
ALTER TABLE artifacts ADD COLUMN hashed_bytes bigint NOT NULL DEFAULT 0 CHECK (hashed_bytes >= 0);
CREATE INDEX artifacts_state_created ON artifacts (state, created_at DESC);
