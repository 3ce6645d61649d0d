-- Trigram similarity lets a misspelt search still find the product. Extensions are per database; an external
-- database must allow pg_trgm (it ships with PostgreSQL's contrib).
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE TABLE categories (
    slug        text    PRIMARY KEY,
    parent_slug text    REFERENCES categories (slug),
    path        text    NOT NULL UNIQUE,   -- slugs from the root, '/'-separated: descendants share the prefix
    names       jsonb   NOT NULL,          -- {"en": "...", "pt": "..."}
    position    int     NOT NULL
);

CREATE TABLE products (
    id               uuid        PRIMARY KEY,
    merchant_id      uuid        NOT NULL,
    product_code     text        NOT NULL,
    category_slug    text        NOT NULL REFERENCES categories (slug),
    brand            text        NOT NULL,
    model            text,
    default_language text        NOT NULL,
    currency         char(3)     NOT NULL,
    images           jsonb       NOT NULL,
    specifications   jsonb       NOT NULL,
    status           text        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'UNPUBLISHED', 'ARCHIVED')),
    rating_count     int         NOT NULL DEFAULT 0,
    rating_sum       int         NOT NULL DEFAULT 0,
    units_sold       bigint      NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    published_at     timestamptz,
    version          int         NOT NULL,
    UNIQUE (merchant_id, product_code)
);
CREATE INDEX products_listing ON products (status, created_at DESC, id DESC);
CREATE INDEX products_category ON products (category_slug) WHERE status = 'PUBLISHED';
CREATE INDEX products_brand ON products (lower(brand)) WHERE status = 'PUBLISHED';

-- Content per locale; the search document uses the text-search configuration of its language.
CREATE TABLE product_content (
    product_id  uuid    NOT NULL REFERENCES products (id),
    locale      text    NOT NULL,
    title       text    NOT NULL,
    description text    NOT NULL,
    bullets     jsonb   NOT NULL,
    document    tsvector NOT NULL,
    PRIMARY KEY (product_id, locale)
);
CREATE INDEX product_content_document ON product_content USING gin (document);
CREATE INDEX product_content_title_trgm ON product_content USING gin (lower(title) public.gin_trgm_ops);

CREATE TABLE skus (
    id                 uuid          PRIMARY KEY,
    product_id         uuid          NOT NULL REFERENCES products (id),
    merchant_id        uuid          NOT NULL,
    sku_code           text          NOT NULL,
    colour             text,
    size               text,
    currency           char(3)       NOT NULL,
    list_price         numeric(19,4) NOT NULL CHECK (list_price > 0),
    sale_price         numeric(19,4) CHECK (sale_price > 0 AND sale_price < list_price),
    sale_starts_at     timestamptz,
    sale_ends_at       timestamptz,
    weight_grams       int           NOT NULL,
    length_mm          int           NOT NULL,
    width_mm           int           NOT NULL,
    height_mm          int           NOT NULL,
    country_of_origin  char(2)       NOT NULL,
    hs_code            char(6)       NOT NULL,
    return_window_days int           NOT NULL,
    warranty_months    int           NOT NULL,
    -- A copy of the stock the checkout context owns, kept from its events; never the source of truth.
    available          int           NOT NULL DEFAULT 0,
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL,
    UNIQUE (merchant_id, sku_code)
);
CREATE INDEX skus_product ON skus (product_id);

-- Every price a SKU ever had, newest last.
CREATE TABLE price_history (
    id             bigserial     PRIMARY KEY,
    sku_id         uuid          NOT NULL REFERENCES skus (id),
    currency       char(3)       NOT NULL,
    list_price     numeric(19,4) NOT NULL,
    sale_price     numeric(19,4),
    sale_starts_at timestamptz,
    sale_ends_at   timestamptz,
    changed_at     timestamptz   NOT NULL,
    changed_by     uuid
);
CREATE INDEX price_history_sku ON price_history (sku_id, id);

-- The merchants allowed to sell, as the identity context announced them (MerchantApproved).
CREATE TABLE merchants (
    id               uuid        PRIMARY KEY,
    legal_name       text        NOT NULL,
    country          char(2)     NOT NULL,
    default_currency char(3)     NOT NULL,
    default_language text        NOT NULL,
    approved_at      timestamptz NOT NULL
);
