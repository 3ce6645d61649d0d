package dev.tradewind.edge;

import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemType;
import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.RequestBody;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs before the schema validator: a body of a media type the operation does not declare is 415, a JSON body that
 * does not parse is 400 with its own problem type, and text holding NUL, which PostgreSQL refuses to store, is 400
 * naming the field; none of them reaches a handler, where the last would fail a whole group commit of orders.
 */
final class BodyGuard implements Handler<RoutingContext> {
  private final Map<String, Set<String>> accepted;

  /** {@code accepted}: the media types each operation declares, as published (see {@link ApiContract}). */
  BodyGuard(Map<String, Set<String>> accepted) {
    this.accepted = Map.copyOf(accepted);
  }

  @Override
  public void handle(RoutingContext ctx) {
    Operation operation = ctx.get(AuthGuard.OPERATION);
    RequestBody declared = operation == null ? null : operation.getRequestBody();
    boolean hasBody = ctx.body() != null && ctx.body().length() > 0;
    if (declared == null || !hasBody) {
      ctx.next();
      return;
    }
    Set<String> types = accepted.getOrDefault(operation.getOperationId(), declared.getContent().keySet());
    String contentType = mediaType(ctx.request().getHeader("Content-Type"));
    if (contentType == null || !types.contains(contentType)) {
      ProblemResponder.send(ctx, Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
        "Send the body as one of " + types + "; got " + (contentType == null ? "no Content-Type" : contentType) + "."));
      return;
    }
    Object json = null;
    if (MediaType.APPLICATION_JSON.equals(contentType)) {
      try {
        json = Json.decodeValue(ctx.body().buffer());
      } catch (DecodeException e) {
        ProblemResponder.send(ctx, Problem.of(ProblemType.MALFORMED_JSON, "The body is not well-formed JSON."));
        return;
      }
    }
    String nul = NulText.find(ctx.body().buffer(), json);
    if (nul != null) {
      ProblemResponder.send(ctx, Problem.invalidField(nul, "no-nul-character",
        "Text may not contain the NUL character (U+0000)."));
      return;
    }
    ctx.next();
  }

  static String mediaType(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    int semicolon = header.indexOf(';');
    return (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }
}
