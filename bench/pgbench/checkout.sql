-- What the service sends to PostgreSQL for one arrival of the uniform checkout (open a cart, add one unit of one SKU,
-- quote, place the order), statement for statement and in the same transactions, against the bench_pgbench copy of
-- checkout's tables (see setup.sql). Left out: what follows the commit asynchronously (the outbox relay, the
-- catalogue's stock mirror, expiry). Run with -M prepared, as the service prepares its statements. pgbench counts
-- one run of this script as one transaction.
\set n random(1, :nskus)
SELECT sku_id, location_id, merchant_id, product_id, gen_random_uuid() AS quote_id, gen_random_uuid() AS order_id,
  gen_random_uuid() AS fulfilment_id, gen_random_uuid() AS buyer_id, gen_random_uuid()::text AS idem_key,
  gen_random_uuid() AS cart_id, gen_random_uuid() AS line_id,
  (SELECT id FROM bench_pgbench.quotes LIMIT 1) AS template
  FROM bench_pgbench.skus WHERE n = :n \gset
-- POST /carts: a buyer's new cart is the insert alone
INSERT INTO bench_pgbench.carts (id, buyer_id, token_hash, currency, ship_to, status, created_at, updated_at, expires_at)
  VALUES (:cart_id, :buyer_id, NULL, 'EUR', 'DE', 'OPEN', now(), now(), NULL)
  ON CONFLICT (buyer_id) WHERE status = 'OPEN' DO NOTHING;
-- POST /carts/{id}/items: the cart, the SKU's snapshot (the catalogue, over the bus), then the change under the
-- cart's lock, then the stock figure the answer's pricing shows
SELECT id, buyer_id, token_hash, currency, ship_to, status, expires_at FROM bench_pgbench.carts WHERE id = :cart_id;
SELECT s.id, s.product_id, s.merchant_id, s.sku_code, s.currency, s.list_price, s.sale_price, s.sale_starts_at,
  s.sale_ends_at, s.weight_grams, s.country_of_origin, s.hs_code, s.return_window_days, s.warranty_months,
  p.category_slug, p.status, p.version,
  coalesce((SELECT c.title FROM catalog.product_content c WHERE c.product_id = p.id AND c.locale = p.default_language),
           p.product_code) AS title,
  (SELECT r.reason FROM catalog.shipping_restrictions r JOIN catalog.categories c ON c.slug = p.category_slug
   WHERE r.country = 'DE' AND (r.hs_chapter = left(s.hs_code, 2) OR r.category_slug = ANY (string_to_array(c.path, '/')))
   ORDER BY r.category_slug NULLS LAST, r.hs_chapter LIMIT 1) AS restriction
FROM catalog.skus s JOIN catalog.products p ON p.id = s.product_id WHERE s.id = ANY(ARRAY[:sku_id]::uuid[]);
BEGIN;
UPDATE bench_pgbench.carts c SET updated_at = now(), expires_at = CASE WHEN c.buyer_id IS NULL THEN now() END
  FROM (SELECT id, expires_at FROM bench_pgbench.carts WHERE id = :cart_id FOR UPDATE) before
  WHERE c.id = before.id
  RETURNING c.id, c.buyer_id, c.token_hash, c.currency, c.ship_to, c.status, before.expires_at;
SELECT id, sku_id, quantity FROM bench_pgbench.cart_lines WHERE cart_id = :cart_id ORDER BY added_at, id;
INSERT INTO bench_pgbench.cart_lines AS l (id, cart_id, sku_id, quantity, added_at, updated_at)
  VALUES (:line_id, :cart_id, :sku_id, 1, now(), now())
  ON CONFLICT (cart_id, sku_id) DO UPDATE SET quantity = l.quantity + EXCLUDED.quantity, updated_at = EXCLUDED.updated_at
  WHERE l.quantity + EXCLUDED.quantity <= 20
  RETURNING id, sku_id, quantity;
COMMIT;
SELECT sku_id, least(sum(on_hand - reserved), 2147483647)::int AS available FROM bench_pgbench.stock WHERE sku_id = ANY(ARRAY[:sku_id]::uuid[])
  GROUP BY sku_id;
-- POST /checkout/quotes: the cart with its lines, the SKU's snapshot, the ship-from location, the stored quote
SELECT c.id, c.buyer_id, c.token_hash, c.currency, c.ship_to, c.status, c.expires_at, l.id AS line_id, l.sku_id, l.quantity
  FROM bench_pgbench.carts c LEFT JOIN bench_pgbench.cart_lines l ON l.cart_id = c.id
  WHERE c.id = :cart_id ORDER BY l.added_at, l.id;
SELECT s.id, s.product_id, s.merchant_id, s.sku_code, s.currency, s.list_price, s.sale_price, s.sale_starts_at,
  s.sale_ends_at, s.weight_grams, s.country_of_origin, s.hs_code, s.return_window_days, s.warranty_months,
  p.category_slug, p.status, p.version,
  coalesce((SELECT c.title FROM catalog.product_content c WHERE c.product_id = p.id AND c.locale = p.default_language),
           p.product_code) AS title,
  (SELECT r.reason FROM catalog.shipping_restrictions r JOIN catalog.categories c ON c.slug = p.category_slug
   WHERE r.country = 'DE' AND (r.hs_chapter = left(s.hs_code, 2) OR r.category_slug = ANY (string_to_array(c.path, '/')))
   ORDER BY r.category_slug NULLS LAST, r.hs_chapter LIMIT 1) AS restriction
FROM catalog.skus s JOIN catalog.products p ON p.id = s.product_id WHERE s.id = ANY(ARRAY[:sku_id]::uuid[]);
SELECT merchant_id, country FROM bench_pgbench.locations WHERE is_default AND merchant_id = ANY(ARRAY[:merchant_id]::uuid[]);
INSERT INTO bench_pgbench.quotes (id, buyer_id, cart_id, currency, due_now, created_at, expires_at, document)
  SELECT :quote_id, :buyer_id, :cart_id, 'EUR', due_now, now(), now() + interval '15 minutes', document
  FROM bench_pgbench.quotes WHERE id = :template;
-- POST /orders: the Idempotency-Key looked up (the quote comes from memory), then one placement transaction: read
-- what the decision needs, write the order and store the answer with its key, take the stock row last, apply the
-- delta (the row's CHECK refuses a negative figure) and announce the new availability, the guard, the commit
SELECT buyer_id, key, request_hash, status, response, order_id FROM bench_pgbench.idempotency_keys
  WHERE (buyer_id, key) IN (SELECT * FROM unnest(ARRAY[:buyer_id]::uuid[], ARRAY[:idem_key]::text[]));
BEGIN;
SELECT quote_id FROM bench_pgbench.orders WHERE quote_id = ANY(ARRAY[:quote_id]::uuid[]);
SELECT s.sku_id, s.location_id, s.merchant_id, l.country, s.on_hand, s.reserved, s.sold, coalesce(v.version, 0) AS version
  FROM bench_pgbench.stock s JOIN bench_pgbench.locations l ON l.id = s.location_id
  LEFT JOIN bench_pgbench.sku_stock_versions v ON v.sku_id = s.sku_id
  WHERE s.sku_id = ANY(ARRAY[:sku_id]::uuid[]) ORDER BY s.sku_id, s.location_id;
INSERT INTO bench_pgbench.orders (id, buyer_id, quote_id, status, currency, due_now, note, shipping_address, snapshot,
  reservation_expires_at, created_at, updated_at)
  SELECT :order_id, :buyer_id, q.id, 'PENDING_PAYMENT', 'EUR', q.due_now, NULL, q.document -> 'destination', q.document,
    now() + interval '15 minutes', now(), now() FROM bench_pgbench.quotes q WHERE q.id = :quote_id;
INSERT INTO bench_pgbench.fulfilments (id, order_id, merchant_id, status, amount, created_at, updated_at)
  VALUES (:fulfilment_id, :order_id, :merchant_id, 'PENDING_PAYMENT', 42.00, now(), now());
INSERT INTO bench_pgbench.order_lines (order_id, line_no, fulfilment_id, sku_id, product_id, merchant_id, title, quantity,
  unit_price, subtotal, location_id)
  VALUES (:order_id, 1, :fulfilment_id, :sku_id, :product_id, :merchant_id, 'Item', 1, 42.00, 42.00, :location_id);
INSERT INTO bench_pgbench.reservations (order_id, fulfilment_id, sku_id, location_id, quantity, status, expires_at)
  VALUES (:order_id, :fulfilment_id, :sku_id, :location_id, 1, 'ACTIVE', now() + interval '15 minutes');
WITH closed AS (UPDATE bench_pgbench.carts c SET status = 'ORDERED', updated_at = now()
    FROM (SELECT id FROM bench_pgbench.carts WHERE id = ANY(ARRAY[:cart_id]::uuid[]) AND status = 'OPEN' FOR UPDATE SKIP LOCKED) open
    WHERE c.id = open.id RETURNING c.id),
  passed AS (SELECT id FROM bench_pgbench.carts WHERE id = ANY(ARRAY[:cart_id]::uuid[]) AND status = 'OPEN'
    AND id NOT IN (SELECT id FROM closed)),
  written AS (INSERT INTO bench_pgbench.carts_left_open (cart_id, since) SELECT id, now() FROM passed RETURNING id)
  SELECT id FROM written;
INSERT INTO bench_pgbench.order_transitions (order_id, fulfilment_id, from_status, to_status, actor_type, actor_id, reason, at)
  VALUES (:order_id, NULL, NULL, 'PENDING_PAYMENT', 'BUYER', :buyer_id, 'placed', now());
INSERT INTO bench_pgbench.outbox (event_id, topic, address, aggregate_id, payload, request_id, occurred_at)
  VALUES (gen_random_uuid(), 'checkout.order-placed.v1', 'checkout.evt.order-placed', :order_id,
          '{"orderId":"an order placed, about the size of the real event payload with one line and its ids"}', NULL, now());
INSERT INTO bench_pgbench.idempotency_keys (buyer_id, key, request_hash, locked_until, status, response, order_id, created_at)
  SELECT b, k, h, now(), s, r, o, now()
  FROM unnest(ARRAY[:buyer_id]::uuid[], ARRAY[:idem_key]::text[], ARRAY['sha256-of-body']::text[], ARRAY[201],
    ARRAY['{"status":"PENDING_PAYMENT"}']::jsonb[], ARRAY[:order_id]::uuid[]) AS a(b, k, h, s, r, o)
  ORDER BY b, k;
SELECT s.sku_id, s.location_id, s.merchant_id, l.country, s.on_hand, s.reserved, s.sold, coalesce(v.version, 0) AS version
  FROM bench_pgbench.stock s JOIN bench_pgbench.locations l ON l.id = s.location_id
  LEFT JOIN bench_pgbench.sku_stock_versions v ON v.sku_id = s.sku_id
  WHERE s.sku_id = ANY(ARRAY[:sku_id]::uuid[]) ORDER BY s.sku_id, s.location_id FOR UPDATE OF s;
UPDATE bench_pgbench.stock s SET reserved = s.reserved + d.reserved, on_hand = s.on_hand + d.on_hand,
  sold = s.sold + d.sold, updated_at = now()
  FROM unnest(ARRAY[:sku_id]::uuid[], ARRAY[:location_id]::uuid[], ARRAY[1], ARRAY[0], ARRAY[0])
    AS d(sku_id, location_id, reserved, on_hand, sold)
  WHERE s.sku_id = d.sku_id AND s.location_id = d.location_id;
WITH bumped AS (
  INSERT INTO bench_pgbench.sku_stock_versions (sku_id, version) SELECT unnest(ARRAY[:sku_id]::uuid[]), 1
  ON CONFLICT (sku_id) DO UPDATE SET version = bench_pgbench.sku_stock_versions.version + 1 RETURNING sku_id, version),
changed AS (
  SELECT b.sku_id, b.version, s.merchant_id, least(sum(s.on_hand - s.reserved), 2147483647)::int AS available, gen_random_uuid() AS event_id
  FROM bumped b JOIN bench_pgbench.stock s ON s.sku_id = b.sku_id GROUP BY b.sku_id, b.version, s.merchant_id),
announced AS (
  INSERT INTO bench_pgbench.outbox (event_id, topic, address, aggregate_id, payload, request_id, occurred_at)
  SELECT c.event_id, 'checkout.stock-changed.v1', 'checkout.evt.stock-changed', c.sku_id::text,
    jsonb_build_object('eventId', c.event_id, 'occurredAt', now()::text, 'aggregateId', c.sku_id::text,
      'schemaVersion', 1, 'skuId', c.sku_id, 'merchantId', c.merchant_id, 'available', c.available, 'version', c.version),
    NULL, now()
  FROM changed c)
SELECT sku_id, version, merchant_id, available FROM changed;
SELECT 1;
COMMIT;
