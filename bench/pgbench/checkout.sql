-- What the service sends to PostgreSQL for one uniform checkout (quote + order of one unit of one SKU), statement
-- for statement, against the bench_pgbench copy of checkout's tables (see setup.sql). Run with -M prepared, as the
-- service prepares its statements. pgbench counts one run of this script as one transaction.
\set n random(1, :nskus)
SELECT sku_id, location_id, merchant_id, product_id, gen_random_uuid() AS quote_id, gen_random_uuid() AS order_id,
  gen_random_uuid() AS fulfilment_id, gen_random_uuid() AS buyer_id, gen_random_uuid()::text AS idem_key,
  (SELECT id FROM bench_pgbench.quotes LIMIT 1) AS template
  FROM bench_pgbench.skus WHERE n = :n \gset
-- the quote: the catalogue's SKU snapshot, the ship-from location, the stored quote
SELECT s.id, s.product_id, s.merchant_id, s.sku_code, s.currency, s.list_price, s.sale_price, s.sale_starts_at,
  s.sale_ends_at, s.weight_grams, s.country_of_origin, s.hs_code, s.return_window_days, s.warranty_months,
  p.category_slug, p.status, p.version,
  coalesce((SELECT c.title FROM catalog.product_content c WHERE c.product_id = p.id AND c.locale = p.default_language),
           p.product_code) AS title,
  (SELECT r.reason FROM catalog.shipping_restrictions r JOIN catalog.categories c ON c.slug = p.category_slug
   WHERE r.country = 'DE' AND (r.hs_chapter = left(s.hs_code, 2) OR r.category_slug = ANY (string_to_array(c.path, '/')))
   ORDER BY r.category_slug NULLS LAST, r.hs_chapter LIMIT 1) AS restriction
FROM catalog.skus s JOIN catalog.products p ON p.id = s.product_id WHERE s.id = ANY(ARRAY[:sku_id]::uuid[]);
SELECT id, country FROM bench_pgbench.locations WHERE merchant_id = :merchant_id AND is_default;
INSERT INTO bench_pgbench.quotes (id, buyer_id, cart_id, currency, due_now, created_at, expires_at, document)
  SELECT :quote_id, :buyer_id, gen_random_uuid(), 'EUR', due_now, now(), now() + interval '15 minutes', document
  FROM bench_pgbench.quotes WHERE id = :template;
-- the order: claim the Idempotency-Key, read the quote, then one placement transaction
INSERT INTO bench_pgbench.idempotency_keys (buyer_id, key, request_hash, locked_until, created_at)
  VALUES (:buyer_id, :idem_key, 'sha256-of-body', now() + interval '30 seconds', now()) ON CONFLICT DO NOTHING;
SELECT document FROM bench_pgbench.quotes WHERE id = :quote_id;
BEGIN;
SELECT quote_id FROM bench_pgbench.orders WHERE quote_id = ANY(ARRAY[:quote_id]::uuid[]);
SELECT s.sku_id, s.location_id, s.merchant_id, l.country, s.on_hand, s.reserved, s.sold
  FROM bench_pgbench.stock s JOIN bench_pgbench.locations l ON l.id = s.location_id
  WHERE s.sku_id = ANY(ARRAY[:sku_id]::uuid[]) ORDER BY s.sku_id, s.location_id FOR UPDATE OF s;
UPDATE bench_pgbench.stock s SET reserved = s.reserved + d.reserved, on_hand = s.on_hand + d.on_hand,
  sold = s.sold + d.sold, updated_at = now()
  FROM unnest(ARRAY[:sku_id]::uuid[], ARRAY[:location_id]::uuid[], ARRAY[1], ARRAY[0], ARRAY[0])
    AS d(sku_id, location_id, reserved, on_hand, sold)
  WHERE s.sku_id = d.sku_id AND s.location_id = d.location_id AND s.on_hand - s.reserved >= -(d.on_hand - d.reserved);
INSERT INTO bench_pgbench.orders (id, buyer_id, quote_id, status, currency, due_now, note, shipping_address, snapshot,
  reservation_expires_at, created_at, updated_at)
  SELECT :order_id, :buyer_id, :quote_id, 'PENDING_PAYMENT', 'EUR', due_now, NULL, document -> 'destination', document,
    now() + interval '15 minutes', now(), now() FROM bench_pgbench.quotes WHERE id = :quote_id;
INSERT INTO bench_pgbench.fulfilments (id, order_id, merchant_id, status, amount, created_at, updated_at)
  VALUES (:fulfilment_id, :order_id, :merchant_id, 'PENDING_PAYMENT', 42.00, now(), now());
INSERT INTO bench_pgbench.order_lines (order_id, line_no, fulfilment_id, sku_id, product_id, merchant_id, title, quantity,
  unit_price, subtotal, location_id)
  VALUES (:order_id, 1, :fulfilment_id, :sku_id, :product_id, :merchant_id, 'Item', 1, 42.00, 42.00, :location_id);
INSERT INTO bench_pgbench.reservations (order_id, fulfilment_id, sku_id, location_id, quantity, status, expires_at)
  VALUES (:order_id, :fulfilment_id, :sku_id, :location_id, 1, 'ACTIVE', now() + interval '15 minutes');
UPDATE bench_pgbench.carts SET status = 'ORDERED', updated_at = now() WHERE id = ANY(ARRAY[:quote_id]::uuid[]) AND status = 'OPEN';
INSERT INTO bench_pgbench.order_transitions (order_id, fulfilment_id, from_status, to_status, actor_type, actor_id, reason, at)
  VALUES (:order_id, NULL, NULL, 'PENDING_PAYMENT', 'BUYER', :buyer_id, 'placed', now());
INSERT INTO bench_pgbench.outbox (event_id, topic, address, aggregate_id, payload, request_id, occurred_at)
  VALUES (gen_random_uuid(), 'checkout.order-placed.v1', 'checkout.evt.order-placed', :order_id,
          '{"orderId":"an order placed, about the size of the real event payload with one line and its ids"}', NULL, now());
WITH bumped AS (
  INSERT INTO bench_pgbench.sku_stock_versions (sku_id, version) SELECT unnest(ARRAY[:sku_id]::uuid[]), 1
  ON CONFLICT (sku_id) DO UPDATE SET version = bench_pgbench.sku_stock_versions.version + 1 RETURNING sku_id, version)
SELECT b.sku_id, b.version, s.merchant_id, sum(s.on_hand - s.reserved)::int AS available
FROM bumped b JOIN bench_pgbench.stock s ON s.sku_id = b.sku_id GROUP BY b.sku_id, b.version, s.merchant_id;
INSERT INTO bench_pgbench.outbox (event_id, topic, address, aggregate_id, payload, request_id, occurred_at)
  VALUES (gen_random_uuid(), 'checkout.stock-changed.v1', 'checkout.evt.stock-changed', :sku_id,
          '{"skuId":"a stock changed event of the real size","available":999}', NULL, now());
UPDATE bench_pgbench.idempotency_keys SET status = 201, response = '{"status":"PENDING_PAYMENT"}', order_id = :order_id
  WHERE buyer_id = :buyer_id AND key = :idem_key;
COMMIT;
