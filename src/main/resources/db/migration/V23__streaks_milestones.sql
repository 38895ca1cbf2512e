-- Milestones (streaks/): thresholds on a metric, each paying a reward once per user. The rows
-- below are the demo content a fresh server starts with; operators may add or change rows.
-- Metrics: streak_days (days), coins_mined (millicoins), sessions_completed (sessions).
CREATE TABLE milestones (
    code       text    PRIMARY KEY CHECK (code ~ '^[a-z0-9_]{1,64}$'),
    name       text    NOT NULL,
    metric     text    NOT NULL CHECK (metric IN ('streak_days', 'coins_mined', 'sessions_completed')),
    threshold  bigint  NOT NULL CHECK (threshold > 0),
    reward     bigint  NOT NULL CHECK (reward > 0),
    UNIQUE (metric, threshold)
);

-- One row per milestone a user reached; the primary key and the ledger reference
-- milestone:<userId>:<code> both make the reward pay once.
CREATE TABLE milestones_reached (
    user_id     uuid        NOT NULL REFERENCES users (id),
    code        text        NOT NULL REFERENCES milestones (code),
    reached_at  timestamptz NOT NULL,
    reward      bigint      NOT NULL,
    PRIMARY KEY (user_id, code)
);

INSERT INTO milestones (code, name, metric, threshold, reward) VALUES
    ('streak_3', '3-day streak', 'streak_days', 3, 2000),
    ('streak_7', 'One-week streak', 'streak_days', 7, 5000),
    ('streak_30', 'One-month streak', 'streak_days', 30, 25000),
    ('streak_100', '100-day streak', 'streak_days', 100, 100000),
    ('streak_365', 'One-year streak', 'streak_days', 365, 500000),
    ('mined_10', 'First 10 coins mined', 'coins_mined', 10000, 1000),
    ('mined_100', '100 coins mined', 'coins_mined', 100000, 5000),
    ('mined_1000', '1,000 coins mined', 'coins_mined', 1000000, 25000),
    ('mined_10000', '10,000 coins mined', 'coins_mined', 10000000, 100000),
    ('sessions_1', 'First mining session', 'sessions_completed', 1, 1000),
    ('sessions_10', '10 mining sessions', 'sessions_completed', 10, 5000),
    ('sessions_100', '100 mining sessions', 'sessions_completed', 100, 50000);
