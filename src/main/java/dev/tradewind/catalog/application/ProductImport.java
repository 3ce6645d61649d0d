package dev.tradewind.catalog.application;

import dev.tradewind.catalog.application.ProductCatalog.Numbered;
import dev.tradewind.catalog.application.ProductCatalog.WrittenProduct;
import dev.tradewind.catalog.domain.CatalogImportParser;
import dev.tradewind.catalog.domain.ImportFileException;
import dev.tradewind.catalog.domain.ImportParse;
import dev.tradewind.catalog.domain.ImportTooLargeException;
import dev.tradewind.catalog.domain.ParsedRow;
import dev.tradewind.catalog.domain.RowError;
import dev.tradewind.catalog.infra.MerchantRegistryRepository;
import dev.tradewind.catalog.infra.MerchantRegistryRepository.Seller;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A merchant's bulk upload: parsed and checked row by row on a worker thread (never the event loop), then every
 * valid product upserted by product and SKU code, a chunk of products at a time, while every bad row is reported
 * with its line and reason. Stock figures go to checkout once their products are stored.
 */
public final class ProductImport {
  /** Rows written between two progress reports; a product's rows always stay in one chunk. */
  static final int CHUNK_ROWS = 250;

  private final Vertx vertx;
  private final Pool pool;
  private final MerchantRegistryRepository merchants;
  private final ProductCatalog catalog;
  private final StockForwarding stock;

  public ProductImport(Vertx vertx, Pool pool, MerchantRegistryRepository merchants, ProductCatalog catalog,
                       StockForwarding stock) {
    this.vertx = vertx;
    this.pool = pool;
    this.merchants = merchants;
    this.catalog = catalog;
    this.stock = stock;
  }

  /** What went in, what was refused, and the rows whose stock checkout did not take. */
  public record Report(int totalRows, int acceptedRows, List<WrittenProduct> products, List<RowError> rejected,
                       List<RowError> warnings) {
  }

  /** Told how far an import got: rows looked at so far of all rows. */
  public interface Progress {
    Progress NONE = (processed, total) -> Future.succeededFuture();

    Future<Void> advanced(int processed, int total);
  }

  /** Changes one product from rows (the import's shape); every row must be valid, or nothing changes. */
  public Future<WrittenProduct> update(Caller caller, UUID productId, int expectedVersion, Buffer json,
                                       String requestId) {
    return seller(caller).compose(seller -> vertx.executeBlocking(() -> parse(ImportUpload.stored(
        ImportUpload.Format.JSON, json)), false)
      .compose(parsed -> {
        if (!parsed.rejected().isEmpty()) {
          throw new ProblemException(Problem.invalid("Some rows break the rules; nothing was changed.",
            parsed.rejected().stream().map(e -> new Problem.FieldError("/" + (e.line() - 1) + "/" + e.field(), e.rule(),
              e.message())).toList()));
        }
        return catalog.update(caller, seller, productId, expectedVersion,
          parsed.accepted().stream().map(ParsedRow::row).toList(), requestId);
      }));
  }

  /** The caller's merchant as the catalogue knows it; 409 while its approval has not reached the catalogue. */
  public Future<Seller> seller(Caller caller) {
    return seller(UUID.fromString(caller.merchantId()));
  }

  Future<Seller> seller(UUID merchantId) {
    return merchants.find(pool, merchantId).map(seller -> {
      if (seller == null) {
        throw new ProblemException(ProblemType.CONFLICT,
          "The catalogue has not yet received this merchant's approval; retry in a moment.");
      }
      return seller;
    });
  }

  /** Imports an upload now, answering when every row is written or refused. */
  public Future<Report> importNow(Caller caller, ImportUpload upload, boolean publish, String requestId) {
    return seller(caller).compose(seller -> run(seller, upload, publish, UUID.fromString(caller.userId()), requestId,
      Progress.NONE));
  }

  /** Parses (on a worker) and writes the upload a chunk of products at a time, reporting progress after each. */
  public Future<Report> run(Seller seller, ImportUpload upload, boolean publish, UUID actor, String requestId,
                            Progress progress) {
    return vertx.executeBlocking(() -> parse(upload), false).compose(parsed -> {
      List<RowError> rejected = new ArrayList<>(parsed.rejected());
      List<RowError> warnings = new ArrayList<>();
      List<WrittenProduct> products = new ArrayList<>();
      int[] processed = {(int) parsed.rejected().stream().mapToInt(RowError::line).distinct().count()};
      Future<Void> chain = progress.advanced(processed[0], parsed.totalRows());
      for (List<Numbered> chunk : chunks(parsed.accepted())) {
        chain = chain.compose(v -> catalog.upsert(seller, chunk, publish, actor, requestId))
          .compose(outcome -> stock.forward(seller, outcome.stock(), requestId).map(forwarded -> {
            products.addAll(outcome.products());
            rejected.addAll(outcome.rejected());
            warnings.addAll(forwarded);
            processed[0] += chunk.size();
            return processed[0];
          }))
          .compose(done -> progress.advanced(done, parsed.totalRows()));
      }
      return chain.map(v -> {
        rejected.sort(Comparator.comparingInt(RowError::line));
        warnings.sort(Comparator.comparingInt(RowError::line));
        int refusedRows = (int) rejected.stream().mapToInt(RowError::line).distinct().count();
        return new Report(parsed.totalRows(), parsed.totalRows() - refusedRows, products, rejected, warnings);
      });
    });
  }

  /** The accepted rows, a product's rows kept together, in chunks of about {@link #CHUNK_ROWS} rows. */
  static List<List<Numbered>> chunks(List<ParsedRow> accepted) {
    Map<String, List<Numbered>> byProduct = new LinkedHashMap<>();
    accepted.forEach(p -> byProduct.computeIfAbsent(p.row().productCode(), code -> new ArrayList<>())
      .add(new Numbered(p.line(), p.row())));
    List<List<Numbered>> chunks = new ArrayList<>();
    List<Numbered> current = new ArrayList<>();
    for (List<Numbered> product : byProduct.values()) {
      if (!current.isEmpty() && current.size() + product.size() > CHUNK_ROWS) {
        chunks.add(current);
        current = new ArrayList<>();
      }
      current.addAll(product);
    }
    if (!current.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }

  private static ImportParse parse(ImportUpload upload) {
    try {
      ByteArrayInputStream bytes = new ByteArrayInputStream(upload.bytes().getBytes());
      CatalogImportParser parser = new CatalogImportParser();
      return upload.format() == ImportUpload.Format.CSV ? parser.parseCsv(bytes, StandardCharsets.UTF_8)
        : parser.parseJson(bytes);
    } catch (ImportTooLargeException e) {
      throw new ProblemException(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage()));
    } catch (ImportFileException e) {
      throw new ProblemException(Problem.invalidField("body", "import-file", e.getMessage()));
    }
  }
}
