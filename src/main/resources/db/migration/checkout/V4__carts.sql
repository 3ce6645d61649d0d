-- A cart belongs either to a signed-in buyer (buyer_id) or to whoever holds its guest token (only the token's
-- SHA-256 is kept). A buyer has at most one OPEN cart; a guest cart merged at sign-in becomes MERGED and its token
-- stops working. Lines hold only SKU and quantity: prices, stock and shipping are re-read on every view.
CREATE TABLE carts (
    id          uuid        PRIMARY KEY,
    buyer_id    uuid,
    token_hash  bytea       UNIQUE,
    currency    char(3)     NOT NULL,
    ship_to     char(2),
    status      text        NOT NULL CHECK (status IN ('OPEN', 'MERGED')),
    merged_into uuid        REFERENCES carts (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    expires_at  timestamptz,
    CHECK ((buyer_id IS NULL) <> (token_hash IS NULL)),
    CHECK ((buyer_id IS NULL) = (expires_at IS NOT NULL))
);
CREATE UNIQUE INDEX carts_one_open_per_buyer ON carts (buyer_id) WHERE status = 'OPEN';
CREATE INDEX carts_guest_expiry ON carts (expires_at) WHERE buyer_id IS NULL;

-- One row per cart and SKU, so concurrent adds of one SKU meet in ON CONFLICT and sum instead of duplicating.
CREATE TABLE cart_lines (
    id         uuid        PRIMARY KEY,
    cart_id    uuid        NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    sku_id     uuid        NOT NULL,
    quantity   int         NOT NULL CHECK (quantity > 0),
    added_at   timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (cart_id, sku_id)
);

-- An Idempotency-Key of an add, per cart: a replay finds its row and adds nothing. The request is kept so that the
-- same key with another body is refused.
CREATE TABLE cart_idempotency_keys (
    cart_id    uuid        NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    key        text        NOT NULL,
    sku_id     uuid        NOT NULL,
    quantity   int         NOT NULL,
    line_id    uuid,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (cart_id, key)
);
