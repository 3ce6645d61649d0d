-- The carts a placement passed over because another transaction held them, written in the order's transaction and
-- closed after it: kept here until closed, so a crash in between cannot leave an ordered cart open. No foreign key:
-- checking it would wait for the very lock the placement passes over.
CREATE TABLE carts_left_open (
    cart_id uuid        PRIMARY KEY,
    since   timestamptz NOT NULL
);
