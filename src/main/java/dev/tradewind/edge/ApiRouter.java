package dev.tradewind.edge;

import dev.tradewind.shared.api.ApiDispatcher;
import dev.tradewind.shared.auth.Permission;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the API router from the OpenAPI contract: every operation is authenticated and authorised for the
 * permission it declares ({@code x-permission}), validated against the contract and forwarded to the context
 * its first tag names. An operation without a known owner, without a permission, or whose owner registered no
 * handler or a different permission stops the start-up.
 */
final class ApiRouter {
  private ApiRouter() {
  }

  static final String PERMISSION_EXTENSION = "x-permission";

  static Router create(Vertx vertx, HttpConfig http, ApiContract api, Set<String> contexts,
                       Readiness readiness, Authenticator authenticator) {
    OpenAPIContract contract = new CachedValidators(api.validator());
    RouterBuilder builder = RouterBuilder.create(vertx, contract, new RawBodyExtractor(api.rawMediaTypes()));
    builder.rootHandler(new RequestContext());
    builder.rootHandler(cors(http));
    Map<String, Permission> permissions = new HashMap<>();
    Set<String> largeBodies = new HashSet<>();
    for (OpenAPIRoute route : builder.getRoutes()) {
      Operation operation = route.getOperation();
      if (OperationBodyHandler.large(operation)) {
        largeBodies.add(operation.getOperationId());
      }
      String owner = owner(operation, contexts);
      permissions.put(operation.getOperationId(), permission(vertx, operation, owner));
      route.setDoSecurity(false);
      route.addHandler(new ContextForwarder(vertx, operation, owner, http.requestTimeoutMs()));
      route.addFailureHandler(ProblemResponder::fail);
    }
    AuthGuard guard = new AuthGuard(contract, permissions, authenticator);
    builder.rootHandler(new OperationBodyHandler(contract, largeBodies, http.bodyLimitBytes(), http.largeBodyLimitBytes(),
      guard));
    builder.rootHandler(guard);
    builder.rootHandler(new BodyGuard(api.requestMediaTypes()));
    Router router = builder.createRouter();
    OperationsRoutes.mount(router, readiness, api.published(), authenticator);
    router.errorHandler(404, ProblemResponder::fail);
    router.errorHandler(405, ctx -> methodNotAllowed(ctx, contract));
    return router;
  }

  private static CorsHandler cors(HttpConfig http) {
    CorsHandler cors = CorsHandler.create()
      .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE))
      .allowedHeaders(Set.of("Content-Type", "Authorization", "Idempotency-Key", "If-Match", "If-None-Match",
        "X-Cart-Token", RequestContext.HEADER))
      .exposedHeaders(Set.of("ETag", "Location", "Retry-After", RequestContext.HEADER));
    if (http.corsAllowedOrigins().contains("*")) {
      return cors.addOrigin("*");
    }
    return cors.addOrigins(http.corsAllowedOrigins());
  }

  private static String owner(Operation operation, Set<String> contexts) {
    String context = operation.getTags().isEmpty() ? null : operation.getTags().get(0);
    if (context == null || !contexts.contains(context)) {
      throw new IllegalStateException("operation " + operation.getOperationId()
        + " must name its owning context as its first tag, one of " + contexts);
    }
    return context;
  }

  private static Permission permission(Vertx vertx, Operation operation, String owner) {
    Object declared = operation.getExtensions().get(PERMISSION_EXTENSION);
    Permission permission = declared == null ? null : Permission.fromKey(declared.toString());
    if (permission == null) {
      throw new IllegalStateException("operation " + operation.getOperationId() + " must declare "
        + PERMISSION_EXTENSION + " as one of the permission keys; it has " + declared);
    }
    String registered = vertx.sharedData().<String, String>getLocalMap(ApiDispatcher.DECLARED).get(operation.getOperationId());
    String expected = owner + ":" + permission.key();
    if (!expected.equals(registered)) {
      throw new IllegalStateException("operation " + operation.getOperationId() + " is " + expected
        + " in the contract but its context registered " + registered);
    }
    return permission;
  }

  private static void methodNotAllowed(RoutingContext ctx, OpenAPIContract contract) {
    Path path = contract.findPath(ctx.request().path());
    if (path != null) {
      ctx.response().putHeader("Allow", path.getOperations().stream().map(Operation::getHttpMethod)
        .map(HttpMethod::name).sorted().collect(Collectors.joining(", ")));
    }
    ProblemResponder.fail(ctx);
  }
}
