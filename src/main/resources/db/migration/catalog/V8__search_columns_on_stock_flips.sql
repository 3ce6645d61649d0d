-- Checkout sends a stock figure for every order, and each one refreshed the product's search columns: a new version
-- of the product row and of every index entry over it, for a figure that usually leaves the SKU in stock as before.
-- Search reads only whether a SKU is in stock, so a figure now refreshes them only when that flips.
DROP TRIGGER skus_product_search ON skus;

CREATE TRIGGER skus_product_search AFTER INSERT OR DELETE OR UPDATE OF product_id, list_price, sale_price,
    sale_starts_at, sale_ends_at, hs_code ON skus
    FOR EACH ROW EXECUTE FUNCTION skus_refresh_product_search();

CREATE TRIGGER skus_product_in_stock AFTER UPDATE OF available ON skus
    FOR EACH ROW WHEN ((OLD.available > 0) IS DISTINCT FROM (NEW.available > 0))
    EXECUTE FUNCTION skus_refresh_product_search();
