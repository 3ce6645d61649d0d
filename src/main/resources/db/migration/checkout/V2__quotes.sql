-- A quote is kept whole: it is the price, tax and FX snapshot an order is placed from. buyer_id is null for a
-- guest's quote (a guest must sign in to order).
CREATE TABLE quotes (
    id          uuid          PRIMARY KEY,
    buyer_id    uuid,
    cart_id     uuid          NOT NULL,
    currency    char(3)       NOT NULL,
    due_now     numeric(19,4) NOT NULL,
    created_at  timestamptz   NOT NULL,
    expires_at  timestamptz   NOT NULL,
    document    jsonb         NOT NULL
);
CREATE INDEX quotes_expiry ON quotes (expires_at);
