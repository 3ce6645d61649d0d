ALTER TABLE users
    ADD COLUMN phone        text,
    ADD COLUMN deactivated_at timestamptz,
    ADD COLUMN erased_at    timestamptz;

-- Failed sign-ins are counted per normalised email whether or not an account exists, so throttling and
-- lockout answer an unknown email exactly as they answer a known one.
CREATE TABLE login_failures (
    email_normalized text        PRIMARY KEY,
    failures         int         NOT NULL,
    first_failed_at  timestamptz NOT NULL,
    locked_until     timestamptz
);

CREATE TABLE sessions (
    id             uuid        PRIMARY KEY,
    user_id        uuid        NOT NULL REFERENCES users (id),
    created_at     timestamptz NOT NULL,
    last_used_at   timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    revoked_reason text,
    client_address text
);
CREATE INDEX sessions_user ON sessions (user_id) WHERE revoked_at IS NULL;
CREATE INDEX sessions_revoked_at ON sessions (revoked_at) WHERE revoked_at IS NOT NULL;

-- Only the SHA-256 of a refresh token is kept: the token is 256 random bits, so a fast hash is enough and a
-- stolen table yields nothing usable.
CREATE TABLE refresh_tokens (
    token_hash  bytea       PRIMARY KEY,
    session_id  uuid        NOT NULL REFERENCES sessions (id),
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    rotated_at  timestamptz
);
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);

CREATE TABLE user_revocations (
    user_id      uuid        NOT NULL,
    revoked_at   timestamptz NOT NULL,
    forget_after timestamptz NOT NULL
);
CREATE INDEX user_revocations_forget_after ON user_revocations (forget_after);

CREATE TABLE merchants (
    id               uuid        PRIMARY KEY,
    legal_name       text        NOT NULL,
    country          char(2)     NOT NULL,
    default_currency char(3)     NOT NULL,
    default_language text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    owner_id         uuid        NOT NULL REFERENCES users (id),
    applied_at       timestamptz NOT NULL,
    decided_at       timestamptz,
    decided_by       uuid,
    rejection_reason text,
    version          int         NOT NULL DEFAULT 1
);
CREATE INDEX merchants_status ON merchants (status, applied_at);
-- A user applies for at most one organisation at a time.
CREATE UNIQUE INDEX merchants_one_open_application ON merchants (owner_id) WHERE status IN ('PENDING', 'APPROVED');

-- A user works for at most one merchant.
CREATE TABLE merchant_members (
    user_id     uuid        PRIMARY KEY REFERENCES users (id),
    merchant_id uuid        NOT NULL REFERENCES merchants (id),
    role        text        NOT NULL CHECK (role IN ('MERCHANT_OWNER', 'MERCHANT_ADMIN', 'CATALOG_EDITOR', 'ORDER_HANDLER')),
    joined_at   timestamptz NOT NULL
);
CREATE INDEX merchant_members_merchant ON merchant_members (merchant_id);

CREATE TABLE staff_invitations (
    id               uuid        PRIMARY KEY,
    merchant_id      uuid        NOT NULL REFERENCES merchants (id),
    email_normalized text        NOT NULL,
    role             text        NOT NULL CHECK (role IN ('MERCHANT_ADMIN', 'CATALOG_EDITOR', 'ORDER_HANDLER')),
    token_hash       bytea       NOT NULL UNIQUE,
    invited_by       uuid        NOT NULL,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    accepted_at      timestamptz,
    accepted_by      uuid
);
CREATE INDEX staff_invitations_merchant ON staff_invitations (merchant_id);

CREATE TABLE addresses (
    id          uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id),
    label       text,
    recipient   text        NOT NULL,
    line1       text        NOT NULL,
    line2       text,
    city        text        NOT NULL,
    region      text,
    postal_code text,
    country     char(2)     NOT NULL,
    phone       text        NOT NULL,
    is_default  boolean     NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX addresses_user ON addresses (user_id, created_at);
CREATE UNIQUE INDEX addresses_one_default ON addresses (user_id) WHERE is_default;

-- Merchant roles now live on the membership, never on the user.
UPDATE users SET roles = coalesce(
    nullif(ARRAY(SELECT r FROM unnest(roles) AS r WHERE r IN ('BUYER', 'ADMIN', 'SUPPORT', 'FINANCE')), '{}'),
    '{BUYER}');
