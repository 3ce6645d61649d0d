package dev.tradewind.shared.bus;

import dev.tradewind.shared.api.Problems;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

/** Request/reply between contexts, carrying the request id so logs on both sides can be joined. */
public final class Bus {
  public static final String REQUEST_ID = "x-request-id";
  /** The failure code of a reply whose handler was out of capacity (a full pool): the caller may retry shortly. */
  public static final int UNAVAILABLE = 503;
  private static final long DEFAULT_TIMEOUT_MS = 10_000;

  private Bus() {
  }

  public static <T> Future<T> request(Vertx vertx, String address, Object body, String requestId) {
    return request(vertx, address, body, requestId, DEFAULT_TIMEOUT_MS);
  }

  @SuppressWarnings("unchecked")
  public static <T> Future<T> request(Vertx vertx, String address, Object body, String requestId, long timeoutMs) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeoutMs);
    if (requestId != null) {
      options.addHeader(REQUEST_ID, requestId);
    }
    return vertx.eventBus().request(address, body, options).map(reply -> (T) reply.body());
  }

  /**
   * Replies with the outcome; a failure is a reply carrying its message, never a silent timeout: {@link #UNAVAILABLE}
   * when the handler was out of capacity, 500 otherwise.
   */
  public static <T> void answer(Message<?> message, Future<T> outcome) {
    outcome.onSuccess(message::reply)
      .onFailure(failure -> message.fail(Problems.unavailable(failure) ? UNAVAILABLE : 500, failure.getMessage()));
  }

  public static String requestId(Message<?> message) {
    return message.headers().get(REQUEST_ID);
  }
}
