package dev.tradewind;

import dev.tradewind.catalog.CatalogVerticle;
import dev.tradewind.catalog.contract.CatalogContract;
import dev.tradewind.checkout.CheckoutVerticle;
import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.demo.DemoData;
import dev.tradewind.edge.EdgeVerticle;
import dev.tradewind.edge.HttpConfig;
import dev.tradewind.identity.IdentityVerticle;
import dev.tradewind.identity.contract.IdentityContract;
import dev.tradewind.payments.PaymentsVerticle;
import dev.tradewind.payments.contract.PaymentsContract;
import dev.tradewind.shared.bus.RecordCodec;
import dev.tradewind.shared.config.Settings;
import dev.tradewind.shared.fx.PlatformFx;
import dev.tradewind.shared.json.Json;
import dev.tradewind.shared.lifecycle.PlatformState;
import dev.tradewind.tracking.TrackingVerticle;
import dev.tradewind.tracking.contract.TrackingContract;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One running Tradewind: a Vert.x instance with one verticle per bounded context and the HTTP edge in front.
 * Contexts start first (each migrates its schema), the edge last; stopping goes the other way round so no
 * request arrives at a context that is already gone and every outbox is flushed before the pools close.
 */
public final class Platform {
  static final Set<String> CONTEXTS = Set.of(IdentityContract.CONTEXT, CatalogContract.CONTEXT,
    CheckoutContract.CONTEXT, PaymentsContract.CONTEXT, TrackingContract.CONTEXT);

  private final Vertx vertx;
  private final JsonObject config;
  private final List<String> contextDeployments = new ArrayList<>();
  private String edgeDeployment;

  private Platform(Vertx vertx, JsonObject config) {
    this.vertx = vertx;
    this.config = config;
  }

  public static Future<Platform> start(JsonObject config) {
    Json.mapper();
    HttpConfig http = HttpConfig.from(config);
    ContextsConfig contexts = ContextsConfig.from(config);
    Platform platform = new Platform(createVertx(), config);
    RecordCodec.register(platform.vertx.eventBus());
    Promise<Platform> outcome = Promise.promise();
    PlatformFx.install(platform.vertx, config)
      .compose(fx -> platform.deployContexts(contexts))
      .compose(v -> platform.deployEdge(http))
      .compose(v -> {
        PlatformState.set(platform.vertx, PlatformState.READY);
        return Settings.of(config, "demo").bool("enabled") ? DemoData.load(platform.vertx) : Future.succeededFuture();
      })
      .onSuccess(v -> outcome.complete(platform))
      .onFailure(failure -> {
        // Fail first: once Vert.x is closed, nothing could run on its event loops to deliver the failure.
        outcome.fail(failure);
        platform.vertx.close();
      });
    return outcome.future();
  }

  public Vertx vertx() {
    return vertx;
  }

  public JsonObject config() {
    return config;
  }

  /**
   * Stops taking requests, lets those in flight finish, flushes every outbox, then closes Vert.x. Blocks the
   * calling thread, which must not be an event loop: Vert.x's own close cannot be awaited from inside Vert.x.
   */
  public void stop(Duration timeout) throws Exception {
    if (Context.isOnEventLoopThread()) {
      throw new IllegalStateException("stop the platform from a plain thread, not an event loop");
    }
    try {
      drain().toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private Future<Void> drain() {
    PlatformState.set(vertx, PlatformState.DRAINING);
    Future<Void> edgeStopped = edgeDeployment == null ? Future.succeededFuture() : vertx.undeploy(edgeDeployment);
    return edgeStopped.eventually(() -> Future.join(contextDeployments.stream().map(vertx::undeploy).toList()))
      .mapEmpty();
  }

  private static Vertx createVertx() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Metrics.addRegistry(registry);
    MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
      .setEnabled(true)
      .setJvmMetricsEnabled(true)
      .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE, Label.EB_ADDRESS, Label.EB_SIDE, Label.POOL_TYPE,
        Label.POOL_NAME, Label.NAMESPACE));
    return Vertx.builder()
      .with(new VertxOptions().setMetricsOptions(metrics))
      .withMetrics(new MicrometerMetricsFactory(registry))
      .build();
  }

  private Future<Void> deployContexts(ContextsConfig contexts) {
    return Future.all(List.of(
        deploy(IdentityVerticle::new, contexts.identity()),
        deploy(CatalogVerticle::new, contexts.catalog()),
        deploy(CheckoutVerticle::new, contexts.checkout()),
        deploy(PaymentsVerticle::new, contexts.payments()),
        deploy(TrackingVerticle::new, contexts.tracking())))
      .onSuccess(all -> all.<String>list().forEach(contextDeployments::add))
      .mapEmpty();
  }

  private Future<Void> deployEdge(HttpConfig http) {
    int instances = http.instances() == 0 ? VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE : http.instances();
    return deploy(() -> new EdgeVerticle(CONTEXTS), instances).onSuccess(id -> edgeDeployment = id).mapEmpty();
  }

  private Future<String> deploy(Supplier<? extends Deployable> verticle, int instances) {
    return vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config).setInstances(instances));
  }
}
