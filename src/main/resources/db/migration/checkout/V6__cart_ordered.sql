-- A cart an order was placed from is closed in the order's transaction, so the buyer's next cart starts empty.
ALTER TABLE carts DROP CONSTRAINT carts_status_check;
ALTER TABLE carts ADD CONSTRAINT carts_status_check CHECK (status IN ('OPEN', 'MERGED', 'ORDERED'));
