-- An order is placed from a quote: the quote document is its price, tax and FX snapshot. One fulfilment per
-- merchant carries that merchant's lines; reservations hold stock until payment or expiry.
CREATE TABLE orders (
    id                     uuid          PRIMARY KEY,
    buyer_id               uuid          NOT NULL,
    quote_id               uuid          NOT NULL UNIQUE,
    status                 text          NOT NULL,
    currency               char(3)       NOT NULL,
    due_now                numeric(19,4) NOT NULL,
    note                   text,
    shipping_address       jsonb         NOT NULL,
    snapshot               jsonb         NOT NULL,
    reservation_expires_at timestamptz   NOT NULL,
    created_at             timestamptz   NOT NULL,
    updated_at             timestamptz   NOT NULL
);
CREATE INDEX orders_buyer ON orders (buyer_id, created_at DESC, id DESC);
CREATE INDEX orders_listing ON orders (created_at DESC, id DESC);
CREATE INDEX orders_pending_expiry ON orders (reservation_expires_at) WHERE status = 'PENDING_PAYMENT';

CREATE TABLE fulfilments (
    id              uuid          PRIMARY KEY,
    order_id        uuid          NOT NULL REFERENCES orders (id),
    merchant_id     uuid          NOT NULL,
    status          text          NOT NULL,
    amount          numeric(19,4) NOT NULL,
    carrier         text,
    tracking_number text,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL
);
CREATE INDEX fulfilments_order ON fulfilments (order_id);
CREATE INDEX fulfilments_merchant ON fulfilments (merchant_id, created_at DESC, id DESC);

CREATE TABLE order_lines (
    order_id       uuid          NOT NULL REFERENCES orders (id),
    line_no        int           NOT NULL,
    fulfilment_id  uuid          NOT NULL REFERENCES fulfilments (id),
    sku_id         uuid          NOT NULL,
    product_id     uuid          NOT NULL,
    merchant_id    uuid          NOT NULL,
    title          text          NOT NULL,
    quantity       int           NOT NULL CHECK (quantity > 0),
    unit_price     numeric(19,4) NOT NULL,
    subtotal       numeric(19,4) NOT NULL,
    location_id    uuid          NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
CREATE INDEX order_lines_fulfilment ON order_lines (fulfilment_id);

-- ACTIVE holds stock (stock.reserved), CONSUMED was sold on payment, RELEASED went back before payment,
-- RETURNED was sold and went back to on_hand when a paid line was cancelled before shipping.
CREATE TABLE reservations (
    order_id      uuid        NOT NULL REFERENCES orders (id),
    fulfilment_id uuid        NOT NULL REFERENCES fulfilments (id),
    sku_id        uuid        NOT NULL,
    location_id   uuid        NOT NULL,
    quantity      int         NOT NULL CHECK (quantity > 0),
    status        text        NOT NULL,
    expires_at    timestamptz NOT NULL,
    PRIMARY KEY (order_id, sku_id, location_id)
);
CREATE INDEX reservations_active ON reservations (sku_id, location_id) WHERE status = 'ACTIVE';

CREATE TABLE order_transitions (
    id            bigserial   PRIMARY KEY,
    order_id      uuid        NOT NULL REFERENCES orders (id),
    fulfilment_id uuid,
    from_status   text,
    to_status     text        NOT NULL,
    actor_type    text        NOT NULL,
    actor_id      text,
    reason        text,
    at            timestamptz NOT NULL
);
CREATE INDEX order_transitions_order ON order_transitions (order_id, id);

-- Idempotency-Key per buyer. status/response null = in flight until locked_until (a crashed attempt's marker
-- lapses then); otherwise the final answer, replayed to the same request.
CREATE TABLE idempotency_keys (
    buyer_id     uuid        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    locked_until timestamptz NOT NULL,
    status       int,
    response     jsonb,
    order_id     uuid,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (buyer_id, key)
);
