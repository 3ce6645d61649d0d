ALTER TABLE outbox ADD COLUMN note text;
