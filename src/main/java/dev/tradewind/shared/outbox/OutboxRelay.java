package dev.tradewind.shared.outbox;

import dev.tradewind.shared.bus.Bus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.kafka.client.producer.RecordMetadata;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves one schema's committed events to Kafka and to the local event bus: claims and marks them sent in one
 * statement, holding the rows with {@code FOR UPDATE SKIP LOCKED} so several platform instances share the work
 * without sending a row twice in the normal case, publishes, then commits. A crash after publishing and before the
 * commit leaves the rows unsent: they are published again, which consumers tolerate by deduplicating on the event id.
 */
public final class OutboxRelay {
  public static final String EVENT_ID = "event-id";
  public static final String EVENT_ADDRESS = "event-type";
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final long LAG_EVERY_MS = 5_000;

  private final Vertx vertx;
  private final Pool pool;
  private final String schema;
  private final OutboxRepository repository;
  private final KafkaProducer<String, String> producer;
  private final OutboxConfig config;
  private final Runnable afterPublish;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong oldestSeconds = new AtomicLong();

  private long timerId = -1;
  private long lastLagCheck;
  private boolean running;
  private boolean stopped;
  private boolean again;
  private boolean failing;
  private Future<Void> current = Future.succeededFuture();

  public OutboxRelay(Vertx vertx, Pool pool, String schema, KafkaProducer<String, String> producer, OutboxConfig config) {
    this(vertx, pool, schema, producer, config, () -> { });
  }

  /** {@code afterPublish} runs between publishing and committing; tests use it to stand for a crash there. */
  public OutboxRelay(Vertx vertx, Pool pool, String schema, KafkaProducer<String, String> producer, OutboxConfig config,
                     Runnable afterPublish) {
    this.vertx = vertx;
    this.pool = pool;
    this.schema = schema;
    this.repository = new OutboxRepository(schema);
    this.producer = producer;
    this.config = config;
    this.afterPublish = afterPublish;
  }

  public static String wakeAddress(String schema) {
    return schema + ".wake-outbox-relay";
  }

  public Future<Void> start() {
    Tags tags = Tags.of("context", schema);
    Gauge.builder("tradewind_outbox_pending_events", pending, AtomicLong::get).tags(tags).register(Metrics.globalRegistry);
    Gauge.builder("tradewind_outbox_oldest_pending_seconds", oldestSeconds, AtomicLong::get).tags(tags)
      .register(Metrics.globalRegistry);
    timerId = vertx.setPeriodic(config.pollIntervalMs(), id -> wake());
    return vertx.eventBus().<Void>consumer(wakeAddress(schema), msg -> wake()).completion();
  }

  /** Asks for a run now; runs requested while one is under way collapse into one more run. */
  public void wake() {
    if (stopped) {
      return;
    }
    if (running) {
      again = true;
      return;
    }
    running = true;
    current = drain().onComplete(done -> {
      running = false;
      if (again) {
        again = false;
        wake();
      }
    });
  }

  /** Stops polling and publishes whatever is still waiting; used on shutdown. */
  public Future<Void> stop() {
    stopped = true;
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
    return current.transform(done -> drain()).recover(failure -> Future.succeededFuture());
  }

  /** Relays batches until the outbox is empty; fails if a batch cannot be published. */
  public Future<Void> drain() {
    return relayBatch().compose(count -> count == config.batchSize() ? drain() : Future.<Void>succeededFuture())
      .compose(v -> refreshLag())
      .onSuccess(v -> recovered())
      .onFailure(this::failed);
  }

  /**
   * Claims and marks one batch, publishes it and commits, in one transaction: a batch that fails to publish is rolled
   * back, unmarked. Answers how many events it moved. The commit does not wait for its WAL flush: a mark that a crash
   * loses only sends its events again, which delivery at least once allows, and the relay's commits, one per order in
   * checkout, stop adding flushes of their own to the ones requests wait for.
   */
  public Future<Integer> relayBatch() {
    return pool.withTransaction(tx -> repository.claim(tx, config.batchSize())
      .compose(batch -> batch.isEmpty() ? Future.succeededFuture(0) : publish(batch)
        .map(v -> {
          afterPublish.run();
          return batch.size();
        })
        .compose(moved -> repository.commitWithoutWaitingForFlush(tx).map(moved))));
  }

  private Future<Void> publish(List<OutboxRecord> batch) {
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Future<RecordMetadata>> sends = batch.stream().map(this::send).toList();
    return Future.all(sends).onSuccess(v -> batch.forEach(this::publishLocally)).mapEmpty();
  }

  private Future<RecordMetadata> send(OutboxRecord event) {
    KafkaProducerRecord<String, String> record =
      KafkaProducerRecord.create(event.topic(), event.aggregateId(), event.payload().encode());
    record.addHeader(EVENT_ID, event.eventId().toString());
    record.addHeader(EVENT_ADDRESS, event.address());
    if (event.requestId() != null) {
      record.addHeader(Bus.REQUEST_ID, event.requestId());
    }
    return producer.send(record);
  }

  private void publishLocally(OutboxRecord event) {
    DeliveryOptions options = new DeliveryOptions().addHeader(EVENT_ID, event.eventId().toString());
    if (event.requestId() != null) {
      options.addHeader(Bus.REQUEST_ID, event.requestId());
    }
    vertx.eventBus().publish(event.address(), event.payload(), options);
  }

  private Future<Void> refreshLag() {
    long now = System.currentTimeMillis();
    if (now - lastLagCheck < LAG_EVERY_MS) {
      return Future.succeededFuture();
    }
    lastLagCheck = now;
    return repository.lag(pool).onSuccess(lag -> {
      pending.set(lag[0]);
      oldestSeconds.set(lag[1]);
    }).mapEmpty();
  }

  private void failed(Throwable failure) {
    lastLagCheck = 0;
    if (!failing) {
      failing = true;
      LOG.warn("outbox relay of {} cannot publish; events stay in the outbox and will be retried: {}", schema,
        failure.toString());
    }
  }

  private void recovered() {
    if (failing) {
      failing = false;
      LOG.info("outbox relay of {} publishes again", schema);
    }
  }
}
