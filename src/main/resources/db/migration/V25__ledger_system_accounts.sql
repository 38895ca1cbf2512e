-- Every system account exists from the start (ledger/), so no posting has to create one
-- inside a transaction that may roll back.
INSERT INTO ledger_accounts (system_code)
VALUES ('mining'), ('rewards'), ('referrals'), ('prizes'), ('purchases'), ('payments'), ('corrections')
ON CONFLICT (system_code) DO NOTHING;
