-- Tasks (tasks/). A completion is unique per task, user and period: 'once' for one-off
-- tasks, the local date (YYYY-MM-DD, in the user's timezone) for daily ones.
CREATE TABLE tasks (
    id           bigserial   PRIMARY KEY,
    title        text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
    description  text        CHECK (char_length(description) <= 1000),
    reward       bigint      NOT NULL CHECK (reward > 0),
    recurrence   text        NOT NULL CHECK (recurrence IN ('once', 'daily')),
    starts_at    timestamptz,
    ends_at      timestamptz,
    created_by   uuid,
    created_at   timestamptz NOT NULL,
    CHECK (starts_at IS NULL OR ends_at IS NULL OR ends_at > starts_at)
);

CREATE TABLE task_completions (
    id            bigserial   PRIMARY KEY,
    task_id       bigint      NOT NULL REFERENCES tasks (id),
    user_id       uuid        NOT NULL REFERENCES users (id),
    period        text        NOT NULL,
    reward        bigint      NOT NULL,
    completed_at  timestamptz NOT NULL,
    UNIQUE (task_id, user_id, period)
);

CREATE INDEX task_completions_user ON task_completions (user_id, completed_at DESC);

-- Demo tasks, so a fresh server has something to do. Operators add more through
-- POST /api/admin/tasks/create.
INSERT INTO tasks (title, description, reward, recurrence, created_at) VALUES
  ('Check in today', 'Open Questline and check in. Counts toward your streak.', 500, 'daily', now()),
  ('Read the mining guide', 'Learn how sessions, rates and bonuses work in the Getting started path.', 2000, 'once', now()),
  ('Complete your profile', 'Add a display name and a short bio so your squad knows who you are.', 1000, 'once', now()),
  ('Invite a friend', 'Share your invite link. You both earn when your friend finishes a first mining session.', 1000, 'once', now());
