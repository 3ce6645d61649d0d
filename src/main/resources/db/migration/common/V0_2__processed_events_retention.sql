-- Consumers forget what they processed once Kafka can no longer deliver it again (outbox.inboxRetentionHours): the
-- purge reads the oldest entries through this index instead of the whole table. IF NOT EXISTS because schemas
-- migrated before the shared history split already have it.
CREATE INDEX IF NOT EXISTS processed_events_age ON processed_events (processed_at);
