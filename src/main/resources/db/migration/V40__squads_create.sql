-- Squads (squads/). member_count is kept in the same transaction as the membership rows and
-- is the guard that holds capacity under concurrent joins (a guarded UPDATE, never
-- check-then-insert); the CHECK makes an over-full squad impossible even for a buggy writer.
-- One squad per user: user_id is the primary key of squad_members.
CREATE TABLE squads (
    id             bigserial   PRIMARY KEY,
    name           text        NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    description    text        CHECK (length(description) <= 1000),
    capacity       integer     NOT NULL DEFAULT 30 CHECK (capacity > 0),
    member_count   integer     NOT NULL DEFAULT 0,
    bonus_percent  integer     NOT NULL DEFAULT 10 CHECK (bonus_percent BETWEEN 0 AND 100),
    created_at     timestamptz NOT NULL,
    CONSTRAINT squads_member_count_within_capacity CHECK (member_count BETWEEN 0 AND capacity)
);

CREATE INDEX squads_created_at ON squads (created_at, id);

CREATE TABLE squad_members (
    user_id    uuid        PRIMARY KEY REFERENCES users (id),
    squad_id   bigint      NOT NULL REFERENCES squads (id),
    joined_at  timestamptz NOT NULL
);

CREATE INDEX squad_members_squad ON squad_members (squad_id, joined_at);
