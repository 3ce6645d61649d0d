-- Who bought which product, learnt from checkout's OrderPaid events: the right to review it. Until delivery
-- tracking exists a paid order counts as received. No foreign key: an event must never be refused (and so block
-- its partition) because of the catalogue's state.
CREATE TABLE purchases (
    buyer_id      uuid        NOT NULL,
    product_id    uuid        NOT NULL,
    first_paid_at timestamptz NOT NULL,
    PRIMARY KEY (buyer_id, product_id)
);

-- One review per buyer and product; the product's rating_count/rating_sum count the visible ones.
CREATE TABLE reviews (
    id            uuid        PRIMARY KEY,
    product_id    uuid        NOT NULL REFERENCES products (id),
    buyer_id      uuid        NOT NULL,
    rating        smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title         text,
    body          text        NOT NULL,
    created_at    timestamptz NOT NULL,
    reply         text,
    replied_at    timestamptz,
    replied_by    uuid,
    hidden_at     timestamptz,
    hidden_by     uuid,
    hidden_reason text,
    CONSTRAINT reviews_one_per_buyer UNIQUE (product_id, buyer_id),
    CHECK ((reply IS NULL) = (replied_at IS NULL) AND (reply IS NULL) = (replied_by IS NULL)),
    CHECK ((hidden_at IS NULL) = (hidden_by IS NULL) AND (hidden_at IS NULL) = (hidden_reason IS NULL))
);
-- The storefront's list: a product's visible reviews, newest first, paged by (created_at, id).
CREATE INDEX reviews_listing ON reviews (product_id, created_at DESC, id DESC) WHERE hidden_at IS NULL;
