package dev.tradewind.shared.kafka;

import dev.tradewind.shared.bus.Bus;
import dev.tradewind.shared.outbox.OutboxRelay;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Polls topics and hands each event to a handler, one at a time and in order, committing an offset only once
 * the handler's future has succeeded. A failing event is retried after a pause, never skipped: delivery is at
 * least once, and handlers make their effect idempotent with the {@link dev.tradewind.shared.outbox.Inbox}. A record
 * that is not an event at all is parked on its topic's dead-letter topic ({@link DeadLetters}) and passed over.
 */
public final class KafkaEventConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaEventConsumer.class);
  private static final Duration POLL = Duration.ofMillis(250);
  private static final long RETRY_PAUSE_MS = 1_000;
  private static final int DEAD_LETTER_TIMEOUT_MS = 10_000;

  private final Vertx vertx;
  private final Map<String, String> properties;
  private final Set<String> topics;
  private final Function<EventEnvelope, Future<Void>> handler;
  private final DeadLetters deadLetters;
  private final Promise<Void> stopped = Promise.promise();
  private volatile boolean stopping;
  private KafkaConsumer<String, String> consumer;

  public KafkaEventConsumer(Vertx vertx, KafkaSettings settings, String groupId, Set<String> topics,
                            Function<EventEnvelope, Future<Void>> handler) {
    this(vertx, settings.consumer(groupId, groupId), topics, handler,
      new DeadLetters(vertx, settings.producer(groupId + "-dead-letters", DEAD_LETTER_TIMEOUT_MS)));
  }

  private KafkaEventConsumer(Vertx vertx, Map<String, String> properties, Set<String> topics,
                             Function<EventEnvelope, Future<Void>> handler, DeadLetters deadLetters) {
    this.vertx = vertx;
    this.properties = properties;
    this.topics = Set.copyOf(topics);
    this.handler = handler;
    this.deadLetters = deadLetters;
  }

  /**
   * A consumer of this process alone that hears every event from now on: see {@link KafkaSettings#broadcast}. It
   * passes over a record that is not an event without parking it: that is the groups' consumers' to do, once. It
   * commits no offsets: its group is its alone and never joined again, so they would never be read.
   */
  public static KafkaEventConsumer broadcast(Vertx vertx, KafkaSettings settings, String name, Set<String> topics,
                                             Function<EventEnvelope, Future<Void>> handler) {
    return new KafkaEventConsumer(vertx, settings.broadcast(name), topics, handler, null);
  }

  /** Creating a Kafka client does blocking work (class loading, configuration, DNS), so it happens on a worker. */
  public Future<Void> start() {
    return vertx.executeBlocking(() -> KafkaConsumer.<String, String>create(vertx, properties))
      .compose(created -> {
        consumer = created;
        return consumer.subscribe(topics);
      })
      .onSuccess(v -> pollLoop());
  }

  public Future<Void> stop() {
    stopping = true;
    if (consumer == null) {
      return Future.succeededFuture();
    }
    return stopped.future().compose(v -> consumer.close())
      .compose(v -> deadLetters == null ? Future.succeededFuture() : deadLetters.close());
  }

  private void pollLoop() {
    if (stopping) {
      stopped.tryComplete();
      return;
    }
    consumer.poll(POLL)
      .compose(this::processBatch)
      .onComplete(done -> {
        if (done.failed()) {
          LOG.warn("consumer of {} will retry: {}", topics, done.cause().toString());
          vertx.setTimer(RETRY_PAUSE_MS, t -> pollLoop());
        } else {
          pollLoop();
        }
      });
  }

  private Future<Void> processBatch(KafkaConsumerRecords<String, String> records) {
    Future<Void> chain = Future.succeededFuture();
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      KafkaConsumerRecord<String, String> record = records.recordAt(i);
      chain = chain.compose(v -> handle(record))
        .onSuccess(v -> done.put(new TopicPartition(record.topic(), record.partition()),
          new OffsetAndMetadata(record.offset() + 1, null)));
    }
    return chain.transform(result -> commit(done).compose(v -> result.succeeded()
      ? Future.<Void>succeededFuture()
      : rewind(records, done).compose(x -> Future.<Void>failedFuture(result.cause()))));
  }

  /**
   * Unreadable: no envelope can be made of the record (no value, not a JSON object, an event id that is no UUID).
   * A readable event whose handling fails, for whatever reason, is retried: it may be newer than this code.
   */
  private Future<Void> handle(KafkaConsumerRecord<String, String> record) {
    EventEnvelope event;
    try {
      event = envelope(record);
    } catch (IllegalArgumentException | DecodeException unreadable) {
      if (!broadcast()) {
        return deadLetters.park(record, unreadable);
      }
      LOG.warn("passing over the record at {}/{}@{}, which is not an event: {}", record.topic(), record.partition(),
        record.offset(), unreadable.toString());
      return Future.succeededFuture();
    }
    return handler.apply(event);
  }

  private Future<Void> commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    return offsets.isEmpty() || broadcast() ? Future.succeededFuture() : consumer.commit(offsets).mapEmpty();
  }

  /** Only a group's consumer parks unreadable records, and only it commits offsets. */
  private boolean broadcast() {
    return deadLetters == null;
  }

  /** After a failure, every partition goes back to its first unprocessed record so nothing is skipped. */
  private Future<Void> rewind(KafkaConsumerRecords<String, String> records, Map<TopicPartition, OffsetAndMetadata> done) {
    Map<TopicPartition, Long> firstUnprocessed = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      KafkaConsumerRecord<String, String> record = records.recordAt(i);
      TopicPartition tp = new TopicPartition(record.topic(), record.partition());
      OffsetAndMetadata committed = done.get(tp);
      if (committed == null || record.offset() >= committed.getOffset()) {
        firstUnprocessed.merge(tp, record.offset(), Math::min);
      }
    }
    return Future.all(firstUnprocessed.entrySet().stream().map(e -> consumer.seek(e.getKey(), e.getValue())).toList())
      .mapEmpty();
  }

  private static EventEnvelope envelope(KafkaConsumerRecord<String, String> record) {
    if (record.value() == null) {
      throw new IllegalArgumentException("a record without a value");
    }
    Map<String, String> headers = new HashMap<>();
    record.headers().forEach(h -> headers.put(h.key(), h.value().toString(StandardCharsets.UTF_8)));
    String eventId = headers.get(OutboxRelay.EVENT_ID);
    return new EventEnvelope(eventId == null ? null : UUID.fromString(eventId), record.topic(), record.key(),
      new JsonObject(record.value()), headers.get(Bus.REQUEST_ID), record.partition(), record.offset());
  }
}
