-- Streaks (streaks/): one row per user. last_day is the last counted day in the user's
-- timezone at the time it was counted. Freezes held are capped at 2 here.
CREATE TABLE streaks (
    user_id           uuid        PRIMARY KEY REFERENCES users (id),
    current_days      integer     NOT NULL DEFAULT 0 CHECK (current_days >= 0),
    longest_days      integer     NOT NULL DEFAULT 0 CHECK (longest_days >= current_days),
    last_day          date,
    freezes           integer     NOT NULL DEFAULT 0 CHECK (freezes BETWEEN 0 AND 2),
    updated_at        timestamptz NOT NULL
);
