-- Accounts (users/). Roles live here and only here; email_normalized is the lower-cased address.
CREATE TABLE users (
    id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    email                text        NOT NULL,
    email_normalized     text        NOT NULL UNIQUE,
    password_hash        text        NOT NULL,
    display_name         text        NOT NULL,
    bio                  text,
    avatar_url           text,
    role                 text        NOT NULL DEFAULT 'USER' CHECK (role IN ('USER', 'ADMIN')),
    referral_code        text        NOT NULL UNIQUE,
    timezone             text        NOT NULL DEFAULT 'UTC',
    locale               text        NOT NULL DEFAULT 'en',
    notifications        boolean     NOT NULL DEFAULT true,
    leaderboard_visible  boolean     NOT NULL DEFAULT true,
    banned               boolean     NOT NULL DEFAULT false,
    ban_reason           text,
    banned_until         timestamptz,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);

CREATE INDEX users_created_at ON users (created_at DESC, id DESC);
