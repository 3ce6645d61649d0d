package dev.tradewind.catalog.application;

import dev.tradewind.catalog.application.ProductCatalog.Numbered;
import dev.tradewind.catalog.domain.CatalogImportParser;
import dev.tradewind.catalog.domain.ImportFileException;
import dev.tradewind.catalog.domain.ImportParse;
import dev.tradewind.catalog.domain.ImportTooLargeException;
import dev.tradewind.catalog.domain.RowError;
import dev.tradewind.catalog.infra.MerchantRegistryRepository;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A merchant's bulk upload: parsed and checked row by row on a worker thread (never the event loop), then every
 * valid product upserted by product and SKU code while every bad row is reported with its line and reason.
 */
public final class ProductImport {
  private final Vertx vertx;
  private final Pool pool;
  private final MerchantRegistryRepository merchants;
  private final ProductCatalog catalog;

  public ProductImport(Vertx vertx, Pool pool, MerchantRegistryRepository merchants, ProductCatalog catalog) {
    this.vertx = vertx;
    this.pool = pool;
    this.merchants = merchants;
    this.catalog = catalog;
  }

  public record Report(int totalRows, int acceptedRows, List<ProductCatalog.WrittenProduct> products,
                       List<RowError> rejected) {
  }

  /** Changes one product from rows (the import's shape); every row must be valid, or nothing changes. */
  public Future<ProductCatalog.WrittenProduct> update(Caller caller, UUID productId, int expectedVersion, Buffer json,
                                                      String requestId) {
    return seller(caller).compose(seller -> vertx.executeBlocking(() -> parse(json), false)
      .compose(parsed -> {
        if (!parsed.rejected().isEmpty()) {
          throw new ProblemException(Problem.invalid("Some rows break the rules; nothing was changed.",
            parsed.rejected().stream().map(e -> new Problem.FieldError("/" + (e.line() - 1) + "/" + e.field(), e.rule(),
              e.message())).toList()));
        }
        return catalog.update(caller, seller, productId, expectedVersion,
          parsed.accepted().stream().map(p -> p.row()).toList(), requestId);
      }));
  }

  private Future<MerchantRegistryRepository.Seller> seller(Caller caller) {
    return merchants.find(pool, UUID.fromString(caller.merchantId())).map(seller -> {
      if (seller == null) {
        throw new ProblemException(ProblemType.CONFLICT,
          "The catalogue has not yet received this merchant's approval; retry in a moment.");
      }
      return seller;
    });
  }

  public Future<Report> importJson(Caller caller, Buffer json, boolean publish, String requestId) {
    return seller(caller).compose(seller -> {
      return vertx.executeBlocking(() -> parse(json), false)
        .compose(parsed -> catalog.upsert(seller, parsed.accepted().stream()
            .map(p -> new Numbered(p.line(), p.row())).toList(), publish, UUID.fromString(caller.userId()), requestId)
          .map(outcome -> {
            List<RowError> rejected = new ArrayList<>(parsed.rejected());
            rejected.addAll(outcome.rejected());
            rejected.sort(java.util.Comparator.comparingInt(RowError::line));
            return new Report(parsed.totalRows(), parsed.totalRows() - rejected.size(), outcome.products(), rejected);
          }));
    });
  }

  private static ImportParse parse(Buffer json) {
    try {
      return new CatalogImportParser().parseJson(new ByteArrayInputStream(json.getBytes()));
    } catch (ImportTooLargeException e) {
      throw new ProblemException(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage()));
    } catch (ImportFileException e) {
      throw new ProblemException(Problem.invalidField("body", "import-file", e.getMessage()));
    }
  }
}
