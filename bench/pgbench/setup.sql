-- A copy of checkout's tables (same columns, constraints and indexes) for pgbench to write into, so that the
-- SQL baseline never touches the stock, orders or outbox the running service owns. Stock rows are copied for the
-- SKUs the load test uses; one extra row is the naive run's hot SKU. Re-runnable.
DROP SCHEMA IF EXISTS bench_pgbench CASCADE;
CREATE SCHEMA bench_pgbench;
CREATE TABLE bench_pgbench.locations (LIKE checkout.locations INCLUDING ALL);
CREATE TABLE bench_pgbench.stock (LIKE checkout.stock INCLUDING ALL);
CREATE TABLE bench_pgbench.sku_stock_versions (LIKE checkout.sku_stock_versions INCLUDING ALL);
CREATE TABLE bench_pgbench.quotes (LIKE checkout.quotes INCLUDING ALL);
CREATE TABLE bench_pgbench.carts (LIKE checkout.carts INCLUDING ALL);
CREATE TABLE bench_pgbench.cart_lines (LIKE checkout.cart_lines INCLUDING ALL);
CREATE TABLE bench_pgbench.carts_left_open (LIKE checkout.carts_left_open INCLUDING ALL);
CREATE TABLE bench_pgbench.orders (LIKE checkout.orders INCLUDING ALL);
CREATE TABLE bench_pgbench.fulfilments (LIKE checkout.fulfilments INCLUDING ALL);
CREATE TABLE bench_pgbench.order_lines (LIKE checkout.order_lines INCLUDING ALL);
CREATE TABLE bench_pgbench.reservations (LIKE checkout.reservations INCLUDING ALL);
CREATE TABLE bench_pgbench.order_transitions (LIKE checkout.order_transitions INCLUDING ALL);
CREATE TABLE bench_pgbench.idempotency_keys (LIKE checkout.idempotency_keys INCLUDING ALL);
CREATE TABLE bench_pgbench.outbox (LIKE checkout.outbox INCLUDING ALL);
INSERT INTO bench_pgbench.locations SELECT * FROM checkout.locations;
INSERT INTO bench_pgbench.stock SELECT * FROM checkout.stock;
-- The SKUs pgbench picks from, numbered 1..n, with a real quote document of the right size to copy into orders.
CREATE TABLE bench_pgbench.skus AS
  SELECT row_number() OVER (ORDER BY s.sku_id)::int AS n, s.sku_id, s.location_id, s.merchant_id, k.product_id
  FROM checkout.stock s JOIN catalog.skus k ON k.id = s.sku_id WHERE s.on_hand >= 100000;
ALTER TABLE bench_pgbench.skus ADD PRIMARY KEY (n);
INSERT INTO bench_pgbench.quotes SELECT * FROM checkout.quotes ORDER BY created_at DESC LIMIT 1;
-- The naive hot-SKU run's row: stock that outlasts the run, so every transaction is a sale.
INSERT INTO bench_pgbench.stock (sku_id, location_id, merchant_id, on_hand, updated_at)
  SELECT '00000000-0000-0000-0000-00000000a0a0', location_id, merchant_id, 100000000, now()
  FROM bench_pgbench.skus WHERE n = 1;
ANALYZE bench_pgbench.stock, bench_pgbench.skus, bench_pgbench.quotes;
SELECT count(*) AS skus FROM bench_pgbench.skus;
