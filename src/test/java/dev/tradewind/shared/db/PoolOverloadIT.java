package dev.tradewind.shared.db;

import dev.tradewind.infra.TestPlatform;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.Problems;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@DisplayName("When the database is saturated, callers are told 503 at once instead of queueing without bound")
class PoolOverloadIT {

  @Test
  @DisplayName("a pool whose wait queue is full fails fast, and that failure is answered as 503")
  void fullWaitQueueIsA503() throws Exception {
    JsonObject config = TestPlatform.get().config();
    config.getJsonObject("db").put("poolSize", 1).put("maxWaitQueue", 0);
    Pool pool = Database.pool(TestPlatform.get().clientVertx(), DbConfig.from(config));
    try {
      SqlConnection held = pool.getConnection().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      long start = System.nanoTime();
      Throwable failure = catchThrowable(() -> pool.getConnection().toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS));
      long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      held.close();

      assertThat(failure).isInstanceOf(ExecutionException.class);
      Problem problem = Problems.from(failure.getCause(), "overload-test");
      assertThat(problem.status()).as(failure.getCause().toString()).isEqualTo(503);
      assertThat(tookMs).as("refused without waiting for a connection").isLessThan(1_000);
    } finally {
      pool.close();
    }
  }
}
