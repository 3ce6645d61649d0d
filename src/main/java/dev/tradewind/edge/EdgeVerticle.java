package dev.tradewind.edge;

import dev.tradewind.shared.auth.JwtConfig;
import dev.tradewind.shared.db.Database;
import dev.tradewind.shared.db.DbConfig;
import dev.tradewind.shared.kafka.KafkaSettings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.kafka.admin.KafkaAdminClient;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP edge: validates every request against the OpenAPI contract and forwards it to the owning context
 * over the event bus. Deployed once per event loop; all instances share one listening port.
 */
public final class EdgeVerticle extends VerticleBase {
  private final Set<String> contexts;
  private HttpServer server;
  private KafkaAdminClient kafka;
  private long graceMs;

  public EdgeVerticle(Set<String> contexts) {
    this.contexts = Set.copyOf(contexts);
  }

  @Override
  public Future<?> start() {
    HttpConfig http = HttpConfig.from(config());
    graceMs = http.shutdownGraceMs();
    return vertx.executeBlocking(() -> KafkaAdminClient.create(vertx, KafkaSettings.from(config()).admin("edge")))
      .compose(admin -> {
        kafka = admin;
        return Authenticator.start(vertx, JwtConfig.settings(config()), Clock.systemUTC(),
          http.invalidTokensPerAddressPerMinute());
      })
      .compose(authenticator -> ApiContract.load(vertx)
        .map(contract -> ApiRouter.create(vertx, http, contract, contexts,
          new Readiness(vertx, Database.pool(vertx, DbConfig.from(config())), kafka), authenticator)))
      .compose(router -> vertx.createHttpServer(new HttpServerOptions().setIdleTimeout(60).setTcpNoDelay(true))
        .requestHandler(router)
        .listen(http.port(), http.host()))
      .onSuccess(listening -> server = listening)
      .onFailure(failure -> {
        if (kafka != null) {
          kafka.close();
        }
      });
  }

  /** Stops accepting connections and lets requests in flight finish, up to the configured grace period. */
  @Override
  public Future<?> stop() {
    Future<Void> closed = server == null ? Future.succeededFuture() : server.shutdown(graceMs, TimeUnit.MILLISECONDS);
    return closed.eventually(() -> kafka == null ? Future.succeededFuture() : kafka.close());
  }

  public int actualPort() {
    return server.actualPort();
  }
}
