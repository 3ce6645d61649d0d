package dev.tradewind.shared.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.HashMap;
import java.util.Map;

/**
 * Receives the API operations the edge forwards to one context and runs the matching handler. Every outcome,
 * including a failure, is answered as an {@link ApiReply}, so the edge never has to guess a status.
 */
public final class ApiDispatcher {
  private final String context;
  private final Map<String, ApiHandler> handlers = new HashMap<>();

  public ApiDispatcher(String context) {
    this.context = context;
  }

  public static String address(String context) {
    return context + ".handle-api-request";
  }

  public ApiDispatcher on(String operationId, ApiHandler handler) {
    if (handlers.putIfAbsent(operationId, handler) != null) {
      throw new IllegalStateException("operation " + operationId + " registered twice in " + context);
    }
    return this;
  }

  public Future<Void> register(Vertx vertx) {
    MessageConsumer<ApiRequest> consumer = vertx.eventBus().consumer(address(context), this::dispatch);
    return consumer.completion();
  }

  private void dispatch(Message<ApiRequest> message) {
    ApiRequest request = message.body();
    ApiHandler handler = handlers.get(request.operationId());
    Future<ApiReply> reply = handler == null
      ? Future.succeededFuture(ApiReply.problem(Problem.of(ProblemType.NOT_FOUND, "No such operation.")))
      : invoke(handler, request);
    reply.recover(failure -> Future.succeededFuture(ApiReply.problem(Problems.from(failure, request.requestId()))))
      .onSuccess(message::reply);
  }

  private static Future<ApiReply> invoke(ApiHandler handler, ApiRequest request) {
    try {
      return handler.handle(request);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
