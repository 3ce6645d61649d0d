package dev.tradewind.edge;

import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.api.Problems;
import dev.tradewind.shared.json.Json;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;

/** Writes every error of the edge as {@code application/problem+json}: the one place failures become HTTP. */
final class ProblemResponder {
  private ProblemResponder() {
  }

  static void fail(RoutingContext ctx) {
    send(ctx, problemFor(ctx));
  }

  static void send(RoutingContext ctx, Problem problem) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      response.reset();
      return;
    }
    Problem located = problem.at(ctx.request().path(), RequestContext.requestId(ctx));
    response.setStatusCode(problem.status())
      .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
    response.end(Json.buffer(located));
  }

  private static Problem problemFor(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof HttpException http) {
      failure = http.getCause();
    }
    if (failure instanceof SchemaValidationException schema) {
      return ValidationProblems.fromSchema(schema);
    }
    if (failure instanceof ValidatorException validator) {
      return ValidationProblems.fromValidator(validator);
    }
    if (failure != null) {
      return Problems.from(failure, RequestContext.requestId(ctx));
    }
    return switch (ctx.statusCode()) {
      case 400 -> Problem.of(ProblemType.VALIDATION, "The request could not be understood.");
      case 401 -> Problem.of(ProblemType.UNAUTHENTICATED, "A valid access token is required.");
      case 403 -> Problem.of(ProblemType.FORBIDDEN, "This action is not allowed.");
      case 404 -> Problem.of(ProblemType.NOT_FOUND, "No resource at " + ctx.request().path() + ".");
      case 405 -> Problem.of(ProblemType.METHOD_NOT_ALLOWED,
        ctx.request().method().name() + " is not allowed on " + ctx.request().path() + ".");
      case 413 -> Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than the limit.");
      case 415 -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
      case 503 -> Problem.of(ProblemType.UNAVAILABLE, "The service is unavailable; retry shortly.");
      default -> Problems.from(new IllegalStateException("unmapped status " + ctx.statusCode()),
        RequestContext.requestId(ctx));
    };
  }

}
