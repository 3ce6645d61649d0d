package dev.tradewind.shared.api;

import io.vertx.core.Future;

/** One API operation inside the context that owns it. */
@FunctionalInterface
public interface ApiHandler {
  Future<ApiReply> handle(ApiRequest request);
}
