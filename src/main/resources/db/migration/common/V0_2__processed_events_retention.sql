-- Consumers forget what they processed once Kafka can no longer deliver it again (outbox.inboxRetentionHours): the
-- purge reads the oldest entries through this index instead of the whole table.
CREATE INDEX processed_events_age ON processed_events (processed_at);
