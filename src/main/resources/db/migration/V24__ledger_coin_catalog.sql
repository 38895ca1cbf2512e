-- Items bought with coins through /api/transactions/create (ledger/). Prices are millicoins and
-- come only from here. The row below is the demo catalog a fresh server starts with.
CREATE TABLE coin_catalog (
    code    text    PRIMARY KEY CHECK (code ~ '^[a-z0-9_]{1,64}$'),
    name    text    NOT NULL,
    price   bigint  NOT NULL CHECK (price > 0),
    active  boolean NOT NULL DEFAULT true
);

INSERT INTO coin_catalog (code, name, price) VALUES ('streak_freeze', 'Streak freeze', 50000);
