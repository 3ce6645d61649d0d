package dev.tradewind.catalog.api;

import dev.tradewind.catalog.application.ProductSearch;
import dev.tradewind.catalog.domain.InvalidSearchException;
import dev.tradewind.catalog.domain.ProductQuery;
import dev.tradewind.shared.api.ApiDispatcher;
import dev.tradewind.shared.api.ApiReply;
import dev.tradewind.shared.api.ApiRequest;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.auth.Permission;
import io.vertx.core.Future;

/** {@code GET /api/v1/products}: the storefront's search, cacheable like a product page. */
public final class SearchApi {
  private final ProductSearch search;

  public SearchApi(ProductSearch search) {
    this.search = search;
  }

  public void register(ApiDispatcher api) {
    api.on("searchProducts", Permission.PUBLIC, this::searchProducts);
  }

  private Future<ApiReply> searchProducts(ApiRequest request) {
    ProductQuery query;
    try {
      query = ProductQuery.parse(request.query());
    } catch (InvalidSearchException e) {
      throw new ProblemException(Problem.invalidField(e.field(), e.rule(), e.getMessage()));
    }
    return search.search(query, request.header("Accept-Language")).map(page -> CatalogApi.cacheable(request, page));
  }
}
