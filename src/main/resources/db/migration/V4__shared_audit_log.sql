-- Every admin write (shared/audit), written in the same transaction as the change it records.
CREATE TABLE audit_log (
    id          bigserial   PRIMARY KEY,
    actor_id    uuid        NOT NULL,
    action      text        NOT NULL,
    target      text,
    reason      text,
    outcome     text        NOT NULL,
    details     jsonb,
    created_at  timestamptz NOT NULL
);

CREATE INDEX audit_log_created_at ON audit_log (created_at DESC);
