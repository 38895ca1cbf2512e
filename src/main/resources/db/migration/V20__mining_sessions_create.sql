-- Mining sessions (mining/). Rate and multipliers are fixed at start. One active session per
-- user, enforced here. A session stays 'active' until it is settled (by its owner ending it,
-- or lazily/by the settling job once ends_at has passed); 'credited' is what the ledger paid.
CREATE TABLE mining_sessions (
    id             bigserial   PRIMARY KEY,
    user_id        uuid        NOT NULL REFERENCES users (id),
    state          text        NOT NULL CHECK (state IN ('active', 'settled')),
    started_at     timestamptz NOT NULL,
    ends_at        timestamptz NOT NULL,
    rate_per_hour  bigint      NOT NULL CHECK (rate_per_hour >= 0),
    multipliers    jsonb       NOT NULL,
    earned_until   timestamptz,
    credited       bigint,
    settled_at     timestamptz,
    CHECK (ends_at > started_at),
    CHECK ((state = 'settled') = (settled_at IS NOT NULL))
);

CREATE UNIQUE INDEX mining_sessions_one_active_per_user ON mining_sessions (user_id) WHERE state = 'active';
CREATE INDEX mining_sessions_user_started ON mining_sessions (user_id, started_at DESC);
CREATE INDEX mining_sessions_due ON mining_sessions (ends_at) WHERE state = 'active';
