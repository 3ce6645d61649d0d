package dev.tradewind.dev;

import dev.tradewind.shared.db.Database;
import dev.tradewind.shared.db.DbConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/**
 * The yardstick of the catalogue benchmark (BENCHMARKS.md): {@code GET /baseline/products/{id}} on its own port,
 * one primary-key SELECT through the platform's shared pool (shared by name, so the very same connections), the
 * row as JSON. No edge, no contract validation, no event bus, no cache: what a product page would cost if it were
 * nothing but its database read. Deployed by {@link DevTradewind} only when {@code BENCH_BASELINE_PORT} is set; it
 * lives on the test class path, so production never carries it.
 */
public final class BenchBaselineVerticle extends VerticleBase {
  static final String PORT_VARIABLE = "BENCH_BASELINE_PORT";
  private static final String PRODUCT = "SELECT id, merchant_id, status, category_slug, brand, model, currency, images,"
    + " version FROM catalog.products WHERE id = $1";

  private final int port;
  private Pool pool;
  private HttpServer server;

  BenchBaselineVerticle(int port) {
    this.port = port;
  }

  @Override
  public Future<?> start() {
    pool = Database.pool(vertx, DbConfig.from(config()));
    Router router = Router.router(vertx);
    router.get("/baseline/products/:id").handler(this::product);
    return vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1")
      .onSuccess(listening -> server = listening);
  }

  private void product(RoutingContext rc) {
    UUID id;
    try {
      id = UUID.fromString(rc.pathParam("id"));
    } catch (IllegalArgumentException e) {
      rc.response().setStatusCode(404).end();
      return;
    }
    pool.preparedQuery(PRODUCT).execute(Tuple.of(id)).onComplete(result -> {
      if (result.failed()) {
        rc.response().setStatusCode(500).end();
      } else if (!result.result().iterator().hasNext()) {
        rc.response().setStatusCode(404).end();
      } else {
        rc.response().putHeader("Content-Type", "application/json").end(json(result.result().iterator().next()).toBuffer());
      }
    });
  }

  private static JsonObject json(Row row) {
    return new JsonObject().put("id", row.getUUID("id").toString()).put("merchantId", row.getUUID("merchant_id").toString())
      .put("status", row.getString("status")).put("category", row.getString("category_slug"))
      .put("brand", row.getString("brand")).put("model", row.getString("model")).put("currency", row.getString("currency"))
      .put("images", row.getValue("images")).put("version", row.getInteger("version"));
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
