package dev.tradewind.edge;

import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.auth.Permission;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.AuthenticationHandler;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;

import java.util.Map;

/**
 * Runs before the body is validated or anything is forwarded: an unauthenticated or unauthorised request is
 * answered 401 or 403 at once. Requests for unknown routes pass through to become 404/405.
 */
final class AuthGuard implements AuthenticationHandler {
  static final String OPERATION = "tw.operation";

  private final OpenAPIContract contract;
  private final Map<String, Permission> permissions;
  private final Authenticator authenticator;

  AuthGuard(OpenAPIContract contract, Map<String, Permission> permissions, Authenticator authenticator) {
    this.contract = contract;
    this.permissions = Map.copyOf(permissions);
    this.authenticator = authenticator;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Operation operation = contract.findOperation(ctx.request().path(), ctx.request().method());
    if (operation == null || admits(ctx, operation)) {
      ctx.next();
    }
  }

  /** Establishes the caller of a known operation once per request; false after answering 401 or 403. */
  boolean admits(RoutingContext ctx, Operation operation) {
    if (ctx.get(ContextForwarder.CALLER) != null) {
      return true;
    }
    ctx.put(OPERATION, operation);
    Caller caller = authenticator.authenticate(ctx, permissions.get(operation.getOperationId()));
    if (caller == null) {
      return false;
    }
    ctx.put(ContextForwarder.CALLER, caller);
    return true;
  }
}
