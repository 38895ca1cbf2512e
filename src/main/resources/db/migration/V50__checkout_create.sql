-- Checkout (checkout/): one row per checkout, owned by its user. A payment is granted at most
-- once (granted_at, and the ledger reference stripe:pi:<id>); a succeeded payment never moves
-- back to created, failed or canceled. Amounts are minor units of the currency, as Stripe has them.
CREATE TABLE payments (
    id                 uuid        PRIMARY KEY,
    user_id            uuid        NOT NULL REFERENCES users (id),
    idempotency_key    text        NOT NULL,
    product_code       text        NOT NULL,
    amount             bigint      NOT NULL CHECK (amount > 0),
    currency           text        NOT NULL,
    state              text        NOT NULL CHECK (state IN ('created', 'succeeded', 'failed', 'canceled', 'refunded',
                                                             'partially_refunded', 'disputed')),
    payment_intent_id  text        UNIQUE,
    granted_at         timestamptz,
    coins_granted      bigint      NOT NULL DEFAULT 0 CHECK (coins_granted >= 0),
    freezes_granted    integer     NOT NULL DEFAULT 0 CHECK (freezes_granted >= 0),
    refunded_amount    bigint      NOT NULL DEFAULT 0,
    refund_count       integer     NOT NULL DEFAULT 0,
    coins_reversed     bigint      NOT NULL DEFAULT 0 CHECK (coins_reversed >= 0),
    coins_shortfall    bigint      NOT NULL DEFAULT 0 CHECK (coins_shortfall >= 0),
    items_reversed     boolean     NOT NULL DEFAULT false,
    note               text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    UNIQUE (user_id, idempotency_key),
    CHECK (refunded_amount BETWEEN 0 AND amount),
    CHECK (coins_reversed + coins_shortfall <= coins_granted)
);

CREATE INDEX payments_user ON payments (user_id, created_at DESC);

-- Each refund or dispute that took something back, with what the ledger could take back
-- (coins_reversed) and what the user had already spent (shortfall).
CREATE TABLE payment_reversals (
    id                bigserial   PRIMARY KEY,
    payment_id        uuid        NOT NULL REFERENCES payments (id),
    reference         text        NOT NULL UNIQUE,
    kind              text        NOT NULL CHECK (kind IN ('refund', 'dispute')),
    stripe_refund_id  text        UNIQUE,
    amount            bigint      NOT NULL CHECK (amount >= 0),
    coins_reversed    bigint      NOT NULL CHECK (coins_reversed >= 0),
    shortfall         bigint      NOT NULL CHECK (shortfall >= 0),
    created_at        timestamptz NOT NULL
);

CREATE INDEX payment_reversals_payment ON payment_reversals (payment_id);

-- Stripe events already handled, inserted in the transaction of their effect, so a repeat
-- delivery finds its id here and does nothing.
CREATE TABLE stripe_events (
    event_id     text        PRIMARY KEY,
    type         text        NOT NULL,
    received_at  timestamptz NOT NULL
);

-- Purchased mining boosts. A refund ends the rest of one now (ends_at moves to the refund time).
CREATE TABLE mining_boosts (
    payment_id  uuid        PRIMARY KEY REFERENCES payments (id),
    user_id     uuid        NOT NULL REFERENCES users (id),
    factor      integer     NOT NULL CHECK (factor >= 1),
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    CHECK (ends_at >= starts_at)
);

CREATE INDEX mining_boosts_user ON mining_boosts (user_id, ends_at);
