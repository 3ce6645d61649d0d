package dev.tradewind.edge;

import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * First handler of every request: takes the client's {@code X-Request-Id} when it is safe to log (else makes
 * one), echoes it, and writes one structured access-log line when the response ends.
 */
final class RequestContext implements PlatformHandler {
  static final String HEADER = "X-Request-Id";
  private static final String ID_KEY = "tw.requestId";
  private static final String ROUTE_KEY = "tw.route";
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final Logger ACCESS = LoggerFactory.getLogger("tradewind.access");

  static String requestId(RoutingContext ctx) {
    return ctx.get(ID_KEY);
  }

  /** The route template for logs and metrics, never the raw path (which would explode their cardinality). */
  static void route(RoutingContext ctx, String template) {
    ctx.put(ROUTE_KEY, template);
  }

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    String offered = ctx.request().getHeader(HEADER);
    String id = offered != null && SAFE_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    ctx.put(ID_KEY, id);
    ctx.response().putHeader(HEADER, id);
    ctx.addEndHandler(done -> log(ctx, id, start));
    ctx.next();
  }

  private static void log(RoutingContext ctx, String id, long start) {
    String route = ctx.get(ROUTE_KEY);
    if (route == null) {
      route = ctx.response().getStatusCode() == 404 ? "unmatched" : ctx.normalizedPath();
    }
    ACCESS.info(new JsonObject()
      .put("method", ctx.request().method().name())
      .put("route", route)
      .put("status", ctx.response().getStatusCode())
      .put("durationMs", Math.round((System.nanoTime() - start) / 10_000.0) / 100.0)
      .put("requestId", id)
      .encode());
  }
}
