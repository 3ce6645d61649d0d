-- A sent outbox row is kept, and marking it sent leaves its entry in outbox_unsent until a vacuum. With the default
-- threshold (a fifth of a table that only grows) the relay's claim walked hundreds of such pages on every run.
ALTER TABLE outbox SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);
