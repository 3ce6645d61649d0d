-- Search compares a product's kept price with the bounds already converted into the product's currency, so a
-- category and price range is one index range per (category, currency) instead of a filter over the whole category.
-- It replaces V5's products_search_filter, whose columns it covers.
CREATE INDEX products_search_price ON products (category_slug, currency, search_price) INCLUDE (id, brand,
    search_list_price, search_on_sale, search_price_from, search_price_until, search_in_stock, search_chapters,
    rating_count, rating_sum, units_sold, published_at, created_at)
    WHERE status = 'PUBLISHED';
DROP INDEX products_search_filter;

-- Search prices the few products whose kept price does not hold now from their SKUs; these find them (a sale window
-- that has passed, or no price kept) without reading the products whose kept price holds.
CREATE INDEX products_search_price_until ON products (search_price_until)
    WHERE status = 'PUBLISHED' AND search_price_until IS NOT NULL;
CREATE INDEX products_search_price_from ON products (search_price_from)
    WHERE status = 'PUBLISHED' AND search_price_from IS NOT NULL;
CREATE INDEX products_search_unpriced ON products (id) WHERE status = 'PUBLISHED' AND search_price IS NULL;
