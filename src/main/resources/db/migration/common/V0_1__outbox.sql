-- Every context schema gets these: events leave through the outbox, written in the same transaction as the
-- change they describe; consumers remember what they processed, in the same transaction as the effect.
CREATE TABLE outbox (
    id            bigserial   PRIMARY KEY,
    event_id      uuid        NOT NULL UNIQUE,
    topic         text        NOT NULL,
    address       text        NOT NULL,
    aggregate_id  text        NOT NULL,
    payload       jsonb       NOT NULL,
    request_id    text,
    occurred_at   timestamptz NOT NULL,
    sent_at       timestamptz
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

CREATE TABLE processed_events (
    consumer      text        NOT NULL,
    event_id      uuid        NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
