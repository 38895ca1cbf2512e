-- Achievements (achievements/). Definitions come from content/achievements.json and are
-- upserted by code at start-up; counters are what users really did, kept by listening to
-- events; a claim row exists at most once per user and achievement (the ledger reference
-- achievement:<user>:<code> guards the payment as well).
CREATE TABLE achievements (
    code         text        PRIMARY KEY,
    name         text        NOT NULL,
    description  text        NOT NULL,
    metric       text        NOT NULL,
    threshold    bigint      NOT NULL CHECK (threshold > 0),
    reward       bigint      NOT NULL CHECK (reward > 0),
    position     integer     NOT NULL,
    version      integer     NOT NULL,
    updated_at   timestamptz NOT NULL
);

CREATE TABLE achievement_counters (
    user_id     uuid        NOT NULL REFERENCES users (id),
    metric      text        NOT NULL,
    value       bigint      NOT NULL CHECK (value >= 0),
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (user_id, metric)
);

CREATE TABLE achievement_claims (
    user_id     uuid        NOT NULL REFERENCES users (id),
    code        text        NOT NULL REFERENCES achievements (code),
    reward      bigint      NOT NULL,
    claimed_at  timestamptz NOT NULL,
    PRIMARY KEY (user_id, code)
);
