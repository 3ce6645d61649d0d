package dev.tradewind.edge;

import dev.tradewind.shared.api.ApiDispatcher;
import dev.tradewind.shared.api.ApiReply;
import dev.tradewind.shared.api.ApiRequest;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.Problems;
import dev.tradewind.shared.bus.Bus;
import dev.tradewind.shared.json.Json;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Hands a validated request to the context that owns the operation, over the event bus, and writes its reply.
 * The edge holds no business rule: it only knows which context answers which operation.
 */
final class ContextForwarder implements Handler<RoutingContext> {
  static final String CALLER = "tw.caller";

  private final Vertx vertx;
  private final Operation operation;
  private final String address;
  private final String routeTemplate;
  private final long timeoutMs;

  ContextForwarder(Vertx vertx, Operation operation, String context, long timeoutMs) {
    this.vertx = vertx;
    this.operation = operation;
    this.address = ApiDispatcher.address(context);
    this.routeTemplate = operation.getOpenAPIPath();
    this.timeoutMs = timeoutMs;
  }

  @Override
  public void handle(RoutingContext ctx) {
    RequestContext.route(ctx, routeTemplate);
    ValidatedRequest validated = ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    String requestId = RequestContext.requestId(ctx);
    Caller caller = ctx.get(CALLER);
    ApiRequest request = new ApiRequest(operation.getOperationId(),
      values(validated.getPathParameters()), values(validated.getQuery()), headers(validated.getHeaders()),
      body(validated.getBody(), ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)), caller == null ? Caller.ANONYMOUS : caller,
      ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress(), requestId);
    Bus.<ApiReply>request(vertx, address, request, requestId, timeoutMs)
      .onSuccess(reply -> write(ctx, reply))
      .onFailure(failure -> ProblemResponder.send(ctx, Problems.from(failure, requestId)));
  }

  private static void write(RoutingContext ctx, ApiReply reply) {
    if (reply.body() instanceof Problem problem) {
      reply.headers().forEach(ctx.response()::putHeader);
      ProblemResponder.send(ctx, problem);
      return;
    }
    HttpServerResponse response = ctx.response().setStatusCode(reply.status());
    reply.headers().forEach(response::putHeader);
    if (reply.body() == null) {
      response.end();
    } else {
      Buffer encoded = reply.body() instanceof Buffer already ? already : Json.buffer(reply.body());
      response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(encoded);
    }
  }

  private static Map<String, Object> values(Map<String, RequestParameter> parameters) {
    Map<String, Object> out = new HashMap<>();
    parameters.forEach((name, value) -> {
      if (value != null && !value.isNull()) {
        out.put(name, value.get());
      }
    });
    return out;
  }

  private static Map<String, String> headers(Map<String, RequestParameter> parameters) {
    Map<String, String> out = new HashMap<>();
    parameters.forEach((name, value) -> {
      if (value != null && !value.isNull()) {
        out.put(name.toLowerCase(Locale.ROOT), String.valueOf(value.get()));
      }
    });
    return out;
  }

  /** JSON objects as they are; anything else under {@code value}, raw bytes with their {@code mediaType}. */
  private static JsonObject body(RequestParameter body, String contentType) {
    if (body == null || body.isNull()) {
      return null;
    }
    Object value = body.get();
    if (value instanceof Buffer bytes) {
      return new JsonObject().put("value", bytes).put("mediaType", BodyGuard.mediaType(contentType));
    }
    return value instanceof JsonObject json ? json : new JsonObject().put("value", value);
  }
}
