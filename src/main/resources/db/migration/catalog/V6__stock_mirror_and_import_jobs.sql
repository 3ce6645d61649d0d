-- Checkout owns stock: skus.available is now a copy fed by checkout's StockChanged events, and stock_version is
-- the version of the figure held, so a late or repeated event never overwrites a newer one.
ALTER TABLE skus ADD COLUMN stock_version bigint NOT NULL DEFAULT 0;

-- Large uploads run as jobs. The upload itself is kept until the job ends, so a job interrupted by a restart is
-- picked up again (re-running is safe: rows upsert by SKU code); lease_until says how long its current runner may
-- be trusted to be alive, attempts bounds how often a job that keeps failing is retried.
CREATE TABLE import_jobs (
    id              uuid        PRIMARY KEY,
    merchant_id     uuid        NOT NULL,
    created_by      uuid        NOT NULL,
    format          text        NOT NULL CHECK (format IN ('json', 'csv')),
    publish         boolean     NOT NULL,
    upload          bytea,
    status          text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    rows_total      int,
    rows_processed  int         NOT NULL DEFAULT 0,
    accepted        int         NOT NULL DEFAULT 0,
    products        int         NOT NULL DEFAULT 0,
    rejected        jsonb       NOT NULL DEFAULT '[]',
    warnings        jsonb       NOT NULL DEFAULT '[]',
    failure         text,
    attempts        int         NOT NULL DEFAULT 0,
    lease_until     timestamptz,
    request_id      text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    finished_at     timestamptz
);

CREATE INDEX import_jobs_pending ON import_jobs (created_at) WHERE status IN ('QUEUED', 'RUNNING');
CREATE INDEX import_jobs_merchant ON import_jobs (merchant_id, created_at DESC);
