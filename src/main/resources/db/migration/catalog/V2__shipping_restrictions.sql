-- Goods that cannot be shipped to a country, maintained by admins: a whole category (with its descendants) or
-- an HS chapter (the first two digits of the HS code). Applied to the storefront's shipsTo filter and shown on
-- the product page.
CREATE TABLE shipping_restrictions (
    id             uuid        PRIMARY KEY,
    country        char(2)     NOT NULL,
    category_slug  text        REFERENCES categories (slug),
    hs_chapter     char(2),
    reason         text        NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     uuid        NOT NULL,
    CHECK ((category_slug IS NULL) <> (hs_chapter IS NULL))
);
CREATE UNIQUE INDEX shipping_restrictions_rule ON shipping_restrictions (country, coalesce(category_slug, ''), coalesce(hs_chapter, ''));
CREATE INDEX shipping_restrictions_country ON shipping_restrictions (country);
