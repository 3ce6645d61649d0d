-- Machine credentials for logistics partners and payment providers: a client id and a 256-bit secret shown
-- once; only its SHA-256 is kept (a random secret needs no slow hash).
CREATE TABLE service_accounts (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL,
    role        text        NOT NULL CHECK (role IN ('LOGISTICS_PARTNER', 'PAYMENT_PROVIDER')),
    secret_hash bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  uuid        NOT NULL,
    disabled_at timestamptz
);
