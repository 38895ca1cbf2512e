-- Double-entry ledger (ledger/). Entries and transactions are append-only: a trigger refuses
-- UPDATE and DELETE. A user account can never go below zero (CHECK). System accounts (mining,
-- rewards, ...) keep no stored balance: theirs is the sum of their entries, which keeps hot
-- system rows out of every posting.
CREATE TABLE ledger_accounts (
    id           bigserial PRIMARY KEY,
    user_id      uuid      UNIQUE REFERENCES users (id),
    system_code  text      UNIQUE,
    balance      bigint    NOT NULL DEFAULT 0,
    CONSTRAINT ledger_accounts_one_owner CHECK ((user_id IS NULL) <> (system_code IS NULL)),
    CONSTRAINT ledger_accounts_user_balance_not_negative CHECK (user_id IS NULL OR balance >= 0),
    CONSTRAINT ledger_accounts_system_balance_unused CHECK (user_id IS NOT NULL OR balance = 0)
);

CREATE TABLE ledger_transactions (
    id          bigserial   PRIMARY KEY,
    reference   text        NOT NULL UNIQUE,
    type        text        NOT NULL,
    memo        jsonb,
    created_at  timestamptz NOT NULL
);

CREATE TABLE ledger_entries (
    id              bigserial   PRIMARY KEY,
    transaction_id  bigint      NOT NULL REFERENCES ledger_transactions (id),
    account_id      bigint      NOT NULL REFERENCES ledger_accounts (id),
    amount          bigint      NOT NULL CHECK (amount <> 0),
    balance_after   bigint,
    created_at      timestamptz NOT NULL
);

CREATE INDEX ledger_entries_account ON ledger_entries (account_id, id DESC);
CREATE INDEX ledger_entries_transaction ON ledger_entries (transaction_id);
CREATE INDEX ledger_entries_created_at ON ledger_entries (created_at, id);

CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger rows are append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE OR DELETE ON ledger_transactions
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
