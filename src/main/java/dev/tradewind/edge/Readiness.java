package dev.tradewind.edge;

import dev.tradewind.shared.db.Database;
import dev.tradewind.shared.lifecycle.PlatformState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.sqlclient.Pool;

/**
 * Ready means: every context started (so its migrations are applied), PostgreSQL answers, the Kafka cluster
 * answers, and the platform is not shutting down. Each dependency is reported by name.
 */
final class Readiness {
  private static final long CHECK_TIMEOUT_MS = 3_000;
  private final Vertx vertx;
  private final Pool pool;
  private final KafkaAdminClient kafka;

  Readiness(Vertx vertx, Pool pool, KafkaAdminClient kafka) {
    this.vertx = vertx;
    this.pool = pool;
    this.kafka = kafka;
  }

  Future<JsonObject> check() {
    Future<String> postgres = outcome(Database.ping(pool));
    Future<String> broker = outcome(kafka.describeCluster());
    String state = PlatformState.of(vertx);
    return Future.join(postgres, broker).transform(done -> {
      boolean up = "UP".equals(postgres.result()) && "UP".equals(broker.result()) && PlatformState.READY.equals(state);
      return Future.succeededFuture(new JsonObject()
        .put("status", up ? "UP" : "DOWN")
        .put("checks", new JsonObject()
          .put("postgres", postgres.result())
          .put("kafka", broker.result())
          .put("migrations", PlatformState.STARTING.equals(state) ? "PENDING" : "APPLIED")
          .put("platform", state)));
    });
  }

  private Future<String> outcome(Future<?> probe) {
    return probe.timeout(CHECK_TIMEOUT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)
      .map(ok -> "UP").otherwise(failure -> "DOWN");
  }
}
