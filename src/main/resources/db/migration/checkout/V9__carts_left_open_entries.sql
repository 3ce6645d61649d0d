-- Two placements may pass over the same cart. Keyed by cart, the second one's write-down waited on the first one's
-- uncommitted row, for that whole transaction; each placement now writes its own entry and closers delete the entries
-- they claimed, so a write-down never waits.
ALTER TABLE carts_left_open DROP CONSTRAINT carts_left_open_pkey;
ALTER TABLE carts_left_open ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;
