package dev.tradewind.checkout.application;

import dev.tradewind.checkout.infra.IdempotencyRepository;
import dev.tradewind.checkout.infra.IdempotencyRepository.KeyRef;
import dev.tradewind.checkout.infra.IdempotencyRepository.Stored;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.SqlClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Looks Idempotency-Keys up for placements, many per statement, on a client of their own (so a sold-out answer does
 * not wait behind the sale's transactions for a pooled connection): at most {@code MAX_RUNNING} lookups are in flight,
 * pipelined, and whatever arrives meanwhile goes out together in the next one. At a trickle each request has its own
 * lookup; in a flash sale thousands share a few.
 */
final class KeyLookups {
  private static final int MAX_RUNNING = 8;
  private static final int MAX_PER_STATEMENT = 500;
  private static final Timer WAITED = Timer.builder("tradewind_checkout_key_lookup")
    .description("How long a placement waited for its Idempotency-Key lookup, queueing included")
    .register(Metrics.globalRegistry);
  private static final Timer STATEMENTS = Timer.builder("tradewind_checkout_key_lookup_statement")
    .description("Idempotency-Key lookup statements, from sending to the answer").register(Metrics.globalRegistry);

  private final SqlClient lane;
  private final IdempotencyRepository keys;
  private Map<KeyRef, List<Promise<Optional<Stored>>>> waiting = new LinkedHashMap<>();
  private int running;

  KeyLookups(SqlClient lane, IdempotencyRepository keys) {
    this.lane = lane;
    this.keys = keys;
  }

  /** Must be called on the checkout verticle's event loop (the queue is not shared). */
  Future<Optional<Stored>> find(KeyRef ref) {
    Promise<Optional<Stored>> answer = Promise.promise();
    long asked = System.nanoTime();
    answer.future().onComplete(done -> WAITED.record(System.nanoTime() - asked, TimeUnit.NANOSECONDS));
    waiting.computeIfAbsent(ref, r -> new ArrayList<>(1)).add(answer);
    drain();
    return answer.future();
  }

  private void drain() {
    while (running < MAX_RUNNING && !waiting.isEmpty()) {
      Map<KeyRef, List<Promise<Optional<Stored>>>> batch = take();
      running++;
      long sent = System.nanoTime();
      keys.findAll(lane, List.copyOf(batch.keySet()))
        .onComplete(found -> {
          STATEMENTS.record(System.nanoTime() - sent, TimeUnit.NANOSECONDS);
          running--;
          batch.forEach((ref, answers) -> answers.forEach(answer -> {
            if (found.succeeded()) {
              answer.complete(Optional.ofNullable(found.result().get(ref)));
            } else {
              answer.fail(found.cause());
            }
          }));
          drain();
        });
    }
  }

  private Map<KeyRef, List<Promise<Optional<Stored>>>> take() {
    if (waiting.size() <= MAX_PER_STATEMENT) {
      Map<KeyRef, List<Promise<Optional<Stored>>>> all = waiting;
      waiting = new LinkedHashMap<>();
      return all;
    }
    Map<KeyRef, List<Promise<Optional<Stored>>>> some = new LinkedHashMap<>();
    var entries = waiting.entrySet().iterator();
    while (some.size() < MAX_PER_STATEMENT) {
      var next = entries.next();
      some.put(next.getKey(), next.getValue());
      entries.remove();
    }
    return some;
  }
}
