-- Analytics (analytics/). Coins mined per user and UTC day, kept up to date by a listener of
-- MiningSessionCompleted (in the settling transaction), so the percentile among active users
-- reads a small aggregate instead of everyone's ledger history.
CREATE TABLE analytics_daily_mining (
    user_id   uuid    NOT NULL REFERENCES users (id),
    day       date    NOT NULL,
    mined     bigint  NOT NULL DEFAULT 0 CHECK (mined >= 0),
    sessions  integer NOT NULL DEFAULT 0 CHECK (sessions >= 0),
    PRIMARY KEY (user_id, day)
);

-- The distribution of the last N days is read by day range, index-only.
CREATE INDEX analytics_daily_mining_day ON analytics_daily_mining (day, user_id) INCLUDE (mined);

-- Sessions settled before this table existed.
INSERT INTO analytics_daily_mining (user_id, day, mined, sessions)
SELECT user_id, (COALESCE(earned_until, settled_at) AT TIME ZONE 'UTC')::date, sum(COALESCE(credited, 0)), count(*)
  FROM mining_sessions
 WHERE state = 'settled'
 GROUP BY 1, 2;

-- A user's credits in a time window (dashboard, performance) without reading the
-- account's whole history.
CREATE INDEX ledger_entries_account_created ON ledger_entries (account_id, created_at);
