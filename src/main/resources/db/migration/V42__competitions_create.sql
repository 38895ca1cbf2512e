-- Competitions (competitions/): live events, their participants and prizes.
--
-- Ranking order: score DESC, then reached_at ASC (who reached the score first), then user_id.
-- sort_key packs the first two into one bigint where lower is better:
--   sort_key = ((2^40 - 1 - score) << 23) | seconds from starts_at to reached_at (23 bits, ~97 days)
-- so (sort_key, reached_at, user_id) ascending is the ranking order.
--
-- competition_rank_nodes is a 256-ary radix tree of counts over sort_key: the node (level L,
-- prefix P) counts the entries whose sort_key >> (8 * L) = P. A rank is
--   1 + sum over the 8 levels of the counts of the nodes left of my path under the same parent
--     (at most 8 x 255 small rows, whatever the number of participants)
--   + the entries with my exact sort_key ahead of me (same score reached in the same second).
-- It is kept in the transaction of every join and score change; only the levels whose prefix
-- changes are touched, always in (level DESC, prefix) order so writers never deadlock.
CREATE TABLE competitions (
    id            bigserial   PRIMARY KEY,
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    description   text        CHECK (length(description) <= 1000),
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL,
    metric        text        NOT NULL CHECK (metric IN ('coins_mined', 'sessions_completed', 'modules_completed',
                                                          'tasks_completed')),
    prizes        jsonb       NOT NULL DEFAULT '[]',
    state         text        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'final')),
    created_by    uuid,
    created_at    timestamptz NOT NULL,
    finalized_at  timestamptz,
    CHECK (ends_at > starts_at),
    CHECK ((state = 'final') = (finalized_at IS NOT NULL))
);

CREATE INDEX competitions_open_ends_at ON competitions (ends_at) WHERE state = 'open';

CREATE TABLE competition_entries (
    competition_id  bigint      NOT NULL REFERENCES competitions (id),
    user_id         uuid        NOT NULL REFERENCES users (id),
    score           bigint      NOT NULL DEFAULT 0 CHECK (score >= 0),
    sort_key        bigint      NOT NULL CHECK (sort_key >= 0),
    reached_at      timestamptz NOT NULL,
    joined_at       timestamptz NOT NULL,
    PRIMARY KEY (competition_id, user_id)
);

CREATE INDEX competition_entries_ranking ON competition_entries (competition_id, sort_key, reached_at, user_id);
CREATE INDEX competition_entries_user ON competition_entries (user_id);

CREATE TABLE competition_rank_nodes (
    competition_id  bigint   NOT NULL REFERENCES competitions (id),
    level           smallint NOT NULL CHECK (level BETWEEN 0 AND 7),
    prefix          bigint   NOT NULL CHECK (prefix >= 0),
    -- No CHECK (entries >= 0): a decrement travels through INSERT .. ON CONFLICT DO UPDATE as a
    -- proposed row of -1, which a CHECK would refuse before the update applies.
    entries         bigint   NOT NULL,
    PRIMARY KEY (competition_id, level, prefix)
);

-- One prize per user and per rank of an event: with the ledger reference prize:<event>:<user>
-- this makes paying twice impossible.
CREATE TABLE competition_prizes (
    competition_id  bigint      NOT NULL REFERENCES competitions (id),
    user_id         uuid        NOT NULL REFERENCES users (id),
    rank            integer     NOT NULL CHECK (rank > 0),
    score           bigint      NOT NULL,
    reward          bigint      NOT NULL CHECK (reward > 0),
    paid_at         timestamptz NOT NULL,
    PRIMARY KEY (competition_id, user_id),
    UNIQUE (competition_id, rank)
);
