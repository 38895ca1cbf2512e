-- Stored Idempotency-Key outcomes (shared/idempotency). Rows expire after 24 h.
CREATE TABLE idempotency_keys (
    scope            text        NOT NULL,
    idempotency_key  text        NOT NULL,
    request_hash     text        NOT NULL,
    state            text        NOT NULL CHECK (state IN ('in_flight', 'done')),
    response_status  integer,
    response_type    text,
    response_body    bytea,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);

CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at);
