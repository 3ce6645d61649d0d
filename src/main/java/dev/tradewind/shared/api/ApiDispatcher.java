package dev.tradewind.shared.api;

import dev.tradewind.shared.auth.Permission;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.HashMap;
import java.util.Map;

/**
 * Receives the API operations the edge forwards to one context and runs the matching handler. Every outcome,
 * including a failure, is answered as an {@link ApiReply}, so the edge never has to guess a status.
 * Each handler is registered with the permission it needs, checked here again against the caller whatever the
 * edge decided, and published in {@link #DECLARED} so the edge can refuse a contract that disagrees.
 */
public final class ApiDispatcher {
  /** Local map of operation id to {@code context:permission-key}, for the edge's start-up check. */
  public static final String DECLARED = "tradewind.api.declared-operations";

  private final String context;
  private final Map<String, ApiHandler> handlers = new HashMap<>();
  private final Map<String, Permission> permissions = new HashMap<>();

  public ApiDispatcher(String context) {
    this.context = context;
  }

  public static String address(String context) {
    return context + ".handle-api-request";
  }

  public ApiDispatcher on(String operationId, Permission permission, ApiHandler handler) {
    if (permission == null) {
      throw new IllegalStateException("operation " + operationId + " must declare the permission it needs");
    }
    if (handlers.putIfAbsent(operationId, handler) != null) {
      throw new IllegalStateException("operation " + operationId + " registered twice in " + context);
    }
    permissions.put(operationId, permission);
    return this;
  }

  public Future<Void> register(Vertx vertx) {
    var declared = vertx.sharedData().<String, String>getLocalMap(DECLARED);
    permissions.forEach((operation, permission) -> declared.put(operation, context + ":" + permission.key()));
    MessageConsumer<ApiRequest> consumer = vertx.eventBus().consumer(address(context), this::dispatch);
    return consumer.completion();
  }

  private void dispatch(Message<ApiRequest> message) {
    ApiRequest request = message.body();
    ApiHandler handler = handlers.get(request.operationId());
    Future<ApiReply> reply = handler == null
      ? Future.succeededFuture(ApiReply.problem(Problem.of(ProblemType.NOT_FOUND, "No such operation.")))
      : authorize(request).compose(v -> invoke(handler, request));
    reply.recover(failure -> Future.succeededFuture(ApiReply.problem(Problems.from(failure, request.requestId()))))
      .onSuccess(message::reply);
  }

  private Future<Void> authorize(ApiRequest request) {
    Permission needed = permissions.get(request.operationId());
    if (request.caller().may(needed)) {
      return Future.succeededFuture();
    }
    return Future.failedFuture(new ProblemException(request.caller().authenticated()
      ? Problem.of(ProblemType.FORBIDDEN, "Your roles do not allow this operation.")
      : Problem.of(ProblemType.UNAUTHENTICATED, "Sign in to use this operation.")));
  }

  private static Future<ApiReply> invoke(ApiHandler handler, ApiRequest request) {
    try {
      return handler.handle(request);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
