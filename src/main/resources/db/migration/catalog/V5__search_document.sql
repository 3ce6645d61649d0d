-- Search read one content row per locale and tried the query in 17 text-search configurations at once (planned as a
-- scan of every content row), trigram-matched titles per locale, and counted facets over every match. Each product
-- now carries one search document and one string of titles, written with its content (ProductWriteRepository):
--   search_document: every locale's content document (stemmed in that locale's configuration, titles weighted A)
--     plus all titles in the simple configuration, so a query in the buyer's language or unstemmed finds it;
--   search_titles: the lower-cased titles of all locales, for trigram matching of misspelt queries.
-- Both are indexed for published products only, which is all search reads; so are its keyset orders.
CREATE AGGREGATE tsvector_concat_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');

ALTER TABLE products
    ADD COLUMN search_document tsvector NOT NULL DEFAULT ''::tsvector,
    ADD COLUMN search_titles   text     NOT NULL DEFAULT '';

UPDATE products p SET search_document = d.document, search_titles = d.titles
FROM (SELECT c.product_id,
        catalog.tsvector_concat_agg(c.document ORDER BY c.locale)
          || setweight(to_tsvector('simple', string_agg(c.title, ' ' ORDER BY c.locale)), 'A') AS document,
        lower(string_agg(c.title, ' ' ORDER BY c.locale)) AS titles
      FROM product_content c GROUP BY c.product_id) d
WHERE p.id = d.product_id;

CREATE INDEX products_search_document ON products USING gin (search_document) WHERE status = 'PUBLISHED';
CREATE INDEX products_search_titles_trgm ON products USING gin (search_titles public.gin_trgm_ops)
    WHERE status = 'PUBLISHED';
CREATE INDEX products_newest ON products ((coalesce(published_at, created_at)) DESC, id DESC)
    WHERE status = 'PUBLISHED';
CREATE INDEX products_best_selling ON products (units_sold DESC, id DESC) WHERE status = 'PUBLISHED';
-- Everything search filters, prices and orders by, so a page's candidates and the count of a broad search come
-- from this narrow index alone (the heap is read only for the page's own rows).
CREATE INDEX products_search_filter ON products (category_slug) INCLUDE (id, currency, brand, search_price,
    search_list_price, search_on_sale, search_price_from, search_price_until, search_in_stock, search_chapters,
    rating_count, rating_sum, units_sold, published_at, created_at)
    WHERE status = 'PUBLISHED';

-- Search no longer reads content rows by their own document or title.
DROP INDEX product_content_document;
DROP INDEX product_content_title_trgm;
