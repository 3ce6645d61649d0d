-- The naive flash-sale transaction: one order per transaction, decrementing the one hot stock row, then inserting
-- the order. Every buyer queues on that row's lock for the whole transaction, commit included.
\set n 1
SELECT gen_random_uuid() AS order_id, gen_random_uuid() AS buyer_id, (SELECT id FROM bench_pgbench.quotes LIMIT 1) AS template \gset
BEGIN;
UPDATE bench_pgbench.stock SET reserved = reserved + 1, updated_at = now()
  WHERE sku_id = '00000000-0000-0000-0000-00000000a0a0' AND on_hand - reserved >= 1;
INSERT INTO bench_pgbench.orders (id, buyer_id, quote_id, status, currency, due_now, note, shipping_address, snapshot,
  reservation_expires_at, created_at, updated_at)
  SELECT :order_id, :buyer_id, gen_random_uuid(), 'PENDING_PAYMENT', 'EUR', due_now, NULL, document -> 'destination',
    document, now() + interval '15 minutes', now(), now() FROM bench_pgbench.quotes WHERE id = :template;
COMMIT;
