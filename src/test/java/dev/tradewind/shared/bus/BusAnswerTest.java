package dev.tradewind.shared.bus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.shared.api.Problems;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BusAnswerTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private int statusSeenByTheCaller(Throwable handlerFailure) throws Exception {
    vertx.eventBus().consumer("ctx.op", message -> Bus.answer(message, Future.failedFuture(handlerFailure)))
      .completion().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    try {
      Bus.request(vertx, "ctx.op", "ask", "req-1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return Problems.from(e.getCause(), "req-1").status();
    }
    throw new AssertionError("the request should have failed");
  }

  @Test
  @DisplayName("a context whose pool is full answers over the bus so that the client hears 503, not 500")
  void a_full_pool_behind_the_bus_is_503() throws Exception {
    assertThat(statusSeenByTheCaller(new ConnectionPoolTooBusyException(
      "Connection pool reached max wait queue size of 512"))).isEqualTo(503);
  }

  @Test
  @DisplayName("any other failure behind the bus stays an internal error")
  void another_failure_behind_the_bus_is_500() throws Exception {
    assertThat(statusSeenByTheCaller(new IllegalStateException("a bug"))).isEqualTo(500);
  }
}
