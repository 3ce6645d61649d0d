-- Stock is owned here, where it is reserved, so that a reservation and its order commit in one transaction.
-- Per SKU and fulfilment location: on_hand counts the units in the building (reserved ones included),
-- reserved those promised to unpaid orders, sold those handed to paid orders (no longer on hand).
-- Conservation: everything ever received = on_hand + sold, and available = on_hand - reserved never goes negative.
CREATE TABLE locations (
    id          uuid        PRIMARY KEY,
    merchant_id uuid        NOT NULL,
    name        text        NOT NULL,
    country     char(2)     NOT NULL,
    is_default  boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL,
    UNIQUE (merchant_id, name)
);
CREATE UNIQUE INDEX locations_one_default ON locations (merchant_id) WHERE is_default;

CREATE TABLE stock (
    sku_id      uuid        NOT NULL,
    location_id uuid        NOT NULL REFERENCES locations (id),
    merchant_id uuid        NOT NULL,
    on_hand     int         NOT NULL CHECK (on_hand >= 0),
    reserved    int         NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    sold        bigint      NOT NULL DEFAULT 0 CHECK (sold >= 0),
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (sku_id, location_id),
    CHECK (reserved <= on_hand)
);
CREATE INDEX stock_merchant ON stock (merchant_id);

-- One row per SKU: the version StockChanged carries, bumped in the transaction that changes the SKU's stock.
CREATE TABLE sku_stock_versions (
    sku_id  uuid   PRIMARY KEY,
    version bigint NOT NULL
);
