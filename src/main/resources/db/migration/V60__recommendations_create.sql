-- Recommendations (recommendations/). Every recommendation shown is an impression row with a
-- random id, so feedback names exactly what was shown to whom; 'segment' and 'holdout' are
-- kept as they were at that moment so the learning's effect can be measured afterwards.
CREATE TABLE recommendation_impressions (
    id             uuid        PRIMARY KEY,
    user_id        uuid        NOT NULL REFERENCES users (id),
    strategy       text        NOT NULL CHECK (strategy ~ '^[a-z][a-z0-9_]{0,63}$'),
    segment        text        NOT NULL,
    holdout        boolean     NOT NULL,
    position       integer     NOT NULL CHECK (position >= 1),
    expected_gain  bigint      NOT NULL CHECK (expected_gain >= 0),
    shown_at       timestamptz NOT NULL
);

CREATE INDEX recommendation_impressions_user ON recommendation_impressions (user_id, shown_at DESC);

-- One vote per impression (so per user and recommendation); a repeat replaces it.
CREATE TABLE recommendation_feedback (
    recommendation_id  uuid        PRIMARY KEY REFERENCES recommendation_impressions (id),
    user_id            uuid        NOT NULL REFERENCES users (id),
    helpful            boolean     NOT NULL,
    comment            text        CHECK (char_length(comment) <= 1000),
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);

-- The learned score of each strategy per user segment: the counts of a Beta-Bernoulli arm.
-- Kept equal to the votes in recommendation_feedback (a replaced vote moves one count).
CREATE TABLE recommendation_scores (
    strategy   text   NOT NULL,
    segment    text   NOT NULL,
    helpful    bigint NOT NULL DEFAULT 0 CHECK (helpful >= 0),
    unhelpful  bigint NOT NULL DEFAULT 0 CHECK (unhelpful >= 0),
    PRIMARY KEY (strategy, segment)
);
