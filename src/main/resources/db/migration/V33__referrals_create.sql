-- Referrals (referrals/). An invitee has at most one referrer (primary key) and is never
-- their own. rewarded_at is set once, when both were paid for the invitee's first mining
-- session.
CREATE TABLE referrals (
    invitee_id   uuid        PRIMARY KEY REFERENCES users (id),
    referrer_id  uuid        NOT NULL REFERENCES users (id),
    code         text        NOT NULL,
    created_at   timestamptz NOT NULL,
    rewarded_at  timestamptz,
    CHECK (invitee_id <> referrer_id)
);

CREATE INDEX referrals_referrer ON referrals (referrer_id);

-- Invites made through POST /api/referrals/create, and a per-user, per-local-day counter
-- whose guarded upsert enforces the daily limit under concurrency.
CREATE TABLE referral_invites (
    id          bigserial   PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id),
    code        text        NOT NULL,
    channel     text        CHECK (char_length(channel) <= 32),
    created_at  timestamptz NOT NULL
);

CREATE INDEX referral_invites_user ON referral_invites (user_id, created_at DESC);

CREATE TABLE referral_invite_days (
    user_id  uuid    NOT NULL REFERENCES users (id),
    day      date    NOT NULL,
    count    integer NOT NULL CHECK (count >= 0),
    PRIMARY KEY (user_id, day)
);
