package dev.tradewind.edge;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.backends.BackendRegistries;

/** Health, metrics, the contract and its interactive docs: the routes operators and integrators use. */
final class OperationsRoutes {
  private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/5.20.0";

  private OperationsRoutes() {
  }

  static void mount(Router router, Readiness readiness, JsonObject contract, Authenticator authenticator) {
    router.get("/.well-known/jwks.json").handler(ctx -> ctx.response()
      .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
      .putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(authenticator.jwks().toBuffer()));
    router.get("/health/live").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "UP")));
    router.get("/health/ready").handler(ctx -> readiness.check()
      .onSuccess(result -> json(ctx, result.getString("status").equals("UP") ? 200 : 503, result)));
    if (BackendRegistries.getDefaultNow() instanceof PrometheusMeterRegistry prometheus) {
      router.get("/metrics").handler(PrometheusScrapingHandler.create(prometheus));
    }
    String document = contract.encode();
    router.get("/api/v1/openapi.json").handler(ctx -> ctx.response()
      .putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(document));
    router.get("/docs").handler(ctx -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
      .sendFile("docs/index.html"));
    router.get("/docs/*").handler(StaticHandler.create(SWAGGER_UI).setCachingEnabled(true));
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    RequestContext.route(ctx, ctx.normalizedPath());
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(body.encode());
  }

}
