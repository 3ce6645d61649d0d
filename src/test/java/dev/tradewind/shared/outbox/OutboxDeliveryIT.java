package dev.tradewind.shared.outbox;

import dev.tradewind.infra.TestPlatform;
import dev.tradewind.shared.db.DbConfig;
import dev.tradewind.shared.db.Migrations;
import dev.tradewind.shared.kafka.EventEnvelope;
import dev.tradewind.shared.kafka.KafkaEventConsumer;
import dev.tradewind.shared.kafka.KafkaSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The outbox delivers every committed event at least once, and consumers apply it once")
class OutboxDeliveryIT {
  private static final String SCHEMA = "outbox_test";
  private static TestPlatform platform;
  private static Vertx vertx;
  private static Pool pool;
  private static KafkaSettings kafka;

  private final OutboxRepository outbox = new OutboxRepository(SCHEMA);
  private final OutboxConfig relayConfig = new OutboxConfig(100, 50, 2_000, 1, 1);
  private EventChannel<ThingHappened> channel;
  private KafkaProducer<String, String> producer;

  /** A made-up event, so the outbox is tested apart from any context's rules. */
  public record ThingHappened(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion, String what)
    implements DomainEvent {
  }

  @BeforeAll
  static void schema() throws Exception {
    platform = TestPlatform.get();
    vertx = platform.clientVertx();
    pool = platform.pool();
    kafka = KafkaSettings.from(platform.config());
    await(Migrations.migrate(vertx, DbConfig.from(platform.config()), SCHEMA));
    platform.query("CREATE TABLE IF NOT EXISTS outbox_test.effects (event_id uuid NOT NULL)");
  }

  @BeforeEach
  void freshTopic() {
    String name = "thing-happened-" + UUID.randomUUID().toString().substring(0, 8);
    channel = new EventChannel<>("outbox_test.evt." + name, "outbox_test." + name + ".v1", ThingHappened.class);
    producer = KafkaProducer.create(vertx, kafka.producer("outbox-test", relayConfig.publishTimeoutMs()));
    platform.query("TRUNCATE outbox_test.outbox, outbox_test.processed_events, outbox_test.effects");
  }

  @AfterEach
  void closeProducer() throws Exception {
    await(producer.close());
  }

  @Test
  @DisplayName("an event committed while Kafka was unreachable is delivered once the broker is back")
  void deliveredAfterKafkaOutage() throws Exception {
    ThingHappened event = commit("parcel left the warehouse", "req-outage");
    OutboxRelay relay = new OutboxRelay(vertx, pool, SCHEMA, producer, relayConfig);

    platform.kafka().stop();
    try {
      assertThatThrownBy(() -> await(relay.drain())).isNotNull();
      assertThat(unsentCount()).isEqualTo(1);
    } finally {
      platform.kafka().start();
    }

    retryUntilSuccess(relay);
    assertThat(unsentCount()).isZero();
    List<ConsumerRecord<String, String>> records = readTopic(channel.topic(), 1);
    assertThat(records).hasSize(1);
    ConsumerRecord<String, String> record = records.get(0);
    assertThat(record.key()).isEqualTo(event.aggregateId());
    assertThat(new JsonObject(record.value()).getString("what")).isEqualTo("parcel left the warehouse");
    assertThat(header(record, OutboxRelay.EVENT_ID)).isEqualTo(event.eventId().toString());
    assertThat(header(record, "x-request-id")).isEqualTo("req-outage");
  }

  @Test
  @DisplayName("a relay crash between publishing and marking sends a duplicate that the consumer ignores")
  void duplicateAfterCrashIsIgnored() throws Exception {
    ThingHappened event = commit("payment captured", "req-crash");
    OutboxRelay crashing = new OutboxRelay(vertx, pool, SCHEMA, producer, relayConfig, () -> {
      throw new IllegalStateException("relay died after publishing");
    });
    assertThatThrownBy(() -> await(crashing.relayBatch())).hasRootCauseMessage("relay died after publishing");
    assertThat(unsentCount()).as("the mark was rolled back with the crash").isEqualTo(1);

    await(new OutboxRelay(vertx, pool, SCHEMA, producer, relayConfig).drain());
    assertThat(unsentCount()).isZero();
    assertThat(readTopic(channel.topic(), 2)).as("published twice").hasSize(2)
      .allSatisfy(r -> assertThat(header(r, OutboxRelay.EVENT_ID)).isEqualTo(event.eventId().toString()));

    AtomicInteger deliveries = new AtomicInteger();
    KafkaEventConsumer consumer = idempotentConsumer(deliveries, env -> Future.succeededFuture());
    try {
      await(consumer.start());
      waitFor(() -> deliveries.get() >= 2);
      assertThat(effects()).as("applied once").isEqualTo(1);
    } finally {
      await(consumer.stop());
    }
  }

  @Test
  @DisplayName("an event whose handling fails is retried, not skipped, and the same aggregate's later events follow in order")
  void failedHandlingIsRetried() throws Exception {
    String order = "order-" + UUID.randomUUID();
    ThingHappened first = commit(order, "first", null);
    ThingHappened second = commit(order, "second", null);
    await(new OutboxRelay(vertx, pool, SCHEMA, producer, relayConfig).drain());

    AtomicInteger failuresLeft = new AtomicInteger(1);
    List<UUID> applied = new CopyOnWriteArrayList<>();
    AtomicInteger deliveries = new AtomicInteger();
    KafkaEventConsumer consumer = idempotentConsumer(deliveries, env -> {
      if (env.eventId().equals(first.eventId()) && failuresLeft.getAndDecrement() > 0) {
        return Future.failedFuture(new IllegalStateException("downstream hiccup"));
      }
      applied.add(env.eventId());
      return Future.succeededFuture();
    });
    try {
      await(consumer.start());
      waitFor(() -> applied.size() >= 2);
    } finally {
      await(consumer.stop());
    }
    assertThat(applied).containsExactly(first.eventId(), second.eventId());
    assertThat(effects()).isEqualTo(2);
  }

  @Test
  @DisplayName("records that are not events are parked on the dead-letter topic, and the events behind them are applied")
  void unreadableRecordsAreParked() throws Exception {
    String order = "order-" + UUID.randomUUID();
    await(producer.send(KafkaProducerRecord.create(channel.topic(), order, "not an event {")));
    await(producer.send(KafkaProducerRecord.<String, String>create(channel.topic(), order, null)));
    ThingHappened behind = commit(order, "behind the unreadable ones", null);
    await(new OutboxRelay(vertx, pool, SCHEMA, producer, relayConfig).drain());

    AtomicInteger deliveries = new AtomicInteger();
    KafkaEventConsumer consumer = idempotentConsumer(deliveries, env -> Future.succeededFuture());
    try {
      await(consumer.start());
      waitFor(() -> effects() == 1);
    } finally {
      await(consumer.stop());
    }
    assertThat(deliveries.get()).as("only the event reaches the handler").isEqualTo(1);
    List<ConsumerRecord<String, String>> parked = readTopic(channel.topic() + ".dead-letter", 2);
    assertThat(parked).extracting(ConsumerRecord::value).containsExactly("not an event {", null);
    assertThat(parked).allSatisfy(record -> {
      assertThat(record.key()).isEqualTo(order);
      assertThat(header(record, "dead-letter-source")).startsWith(channel.topic() + "/");
      assertThat(header(record, "dead-letter-reason")).isNotBlank();
    });
    assertThat(platform.query("SELECT event_id FROM outbox_test.effects").get(0).getUUID(0)).isEqualTo(behind.eventId());
  }

  @Test
  @DisplayName("a process's broadcast consumer hears new events but leaves no offsets behind; a group's consumer commits")
  void broadcastCommitsNoOffsets() throws Exception {
    String name = "broadcast-test-" + UUID.randomUUID().toString().substring(0, 8);
    String group = "outbox-test-" + UUID.randomUUID();
    List<EventEnvelope> heard = new CopyOnWriteArrayList<>();
    KafkaEventConsumer broadcast = KafkaEventConsumer.broadcast(vertx, kafka, name, Set.of(channel.topic()),
      env -> {
        heard.add(env);
        return Future.succeededFuture();
      });
    KafkaEventConsumer grouped = new KafkaEventConsumer(vertx, kafka, group, Set.of(channel.topic()),
      env -> Future.succeededFuture());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      await(broadcast.start());
      await(grouped.start());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (heard.isEmpty() && System.nanoTime() < deadline) { // it hears only what comes after it joined
        commit("heard by every process", null);
        await(new OutboxRelay(vertx, pool, SCHEMA, producer, relayConfig).drain());
        Thread.sleep(300);
      }
      assertThat(heard).isNotEmpty();
      waitFor(() -> !committedOffsets(admin, group).isEmpty());

      List<String> broadcastGroups = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
        .map(ConsumerGroupListing::groupId).filter(id -> id.startsWith(name + "-")).toList();
      assertThat(broadcastGroups).hasSize(1);
      assertThat(committedOffsets(admin, broadcastGroups.get(0))).isEmpty();
    } finally {
      await(broadcast.stop());
      await(grouped.stop());
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> committedOffsets(Admin admin, String group) {
    try {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("the relay also publishes each event on the local event bus for in-process subscribers")
  void publishedLocally() throws Exception {
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    await(vertx.eventBus().<JsonObject>consumer(channel.address(), m -> received.add(m.body())).completion());
    ThingHappened event = commit("shown to the buyer", null);
    await(new OutboxRelay(vertx, pool, SCHEMA, producer, relayConfig).drain());
    waitFor(() -> !received.isEmpty());
    assertThat(received.get(0).getString("eventId")).isEqualTo(event.eventId().toString());
  }

  @Test
  @DisplayName("events sent longer ago than the retention are deleted, oldest first; recent and unsent ones stay")
  void sentEventsPastRetentionArePurged() throws Exception {
    List<ThingHappened> events = new ArrayList<>();
    for (String what : List.of("stuck unsent", "sent long ago", "sent long ago too", "sent just now", "not sent yet")) {
      events.add(new ThingHappened(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS), "agg", 1, what));
    }
    await(pool.withTransaction(tx -> outbox.appendAll(tx, channel, events, List.of("r0", "r1", "r2", "r3", "r4"))));
    assertThat(platform.query("SELECT payload->>'what' FROM outbox_test.outbox ORDER BY id").stream()
      .map(row -> row.getString(0)).toList()).as("appended in the order given")
      .containsExactly("stuck unsent", "sent long ago", "sent long ago too", "sent just now", "not sent yet");
    platform.query("UPDATE outbox_test.outbox SET sent_at = now() - interval '2 hours' WHERE event_id = ANY($1)",
      (Object) new UUID[]{events.get(1).eventId(), events.get(2).eventId()});
    platform.query("UPDATE outbox_test.outbox SET sent_at = now() WHERE event_id = $1", events.get(3).eventId());

    int deleted = await(new EventRetention(vertx, pool, SCHEMA, relayConfig).purgeOutbox());

    assertThat(deleted).isEqualTo(2);
    assertThat(platform.query("SELECT payload->>'what' FROM outbox_test.outbox ORDER BY id").stream()
      .map(row -> row.getString(0)).toList()).containsExactly("stuck unsent", "sent just now", "not sent yet");
  }

  @Test
  @DisplayName("a consumer forgets the events it processed longer than the inbox's retention ago, and still recognises the recent ones")
  void processedEventsPastRetentionAreForgotten() throws Exception {
    Inbox inbox = new Inbox(SCHEMA);
    UUID old = UUID.randomUUID();
    UUID olderStill = UUID.randomUUID();
    UUID recent = UUID.randomUUID();
    for (UUID event : List.of(old, olderStill, recent)) {
      boolean first = await(pool.withTransaction(tx -> inbox.firstDelivery(tx, "retention-test", event)));
      assertThat(first).isTrue();
    }
    platform.query("UPDATE outbox_test.processed_events SET processed_at = now() - interval '2 hours' WHERE event_id = $1", old);
    platform.query("UPDATE outbox_test.processed_events SET processed_at = now() - interval '3 days' WHERE event_id = $1", olderStill);

    int forgotten = await(new EventRetention(vertx, pool, SCHEMA, relayConfig).purgeInbox());

    assertThat(forgotten).isEqualTo(2);
    assertThat(platform.query("SELECT event_id FROM outbox_test.processed_events").stream().map(row -> row.getUUID(0)).toList())
      .containsExactly(recent);
    boolean redelivered = await(pool.withTransaction(tx -> inbox.firstDelivery(tx, "retention-test", recent)));
    assertThat(redelivered).as("a redelivery of a recent event is still a duplicate").isFalse();
  }

  private KafkaEventConsumer idempotentConsumer(AtomicInteger deliveries, java.util.function.Function<EventEnvelope, Future<Void>> extra) {
    Inbox inbox = new Inbox(SCHEMA);
    return new KafkaEventConsumer(vertx, kafka, "outbox-test-" + UUID.randomUUID(), Set.of(channel.topic()),
      env -> {
        deliveries.incrementAndGet();
        return pool.withTransaction(tx -> inbox.firstDelivery(tx, "outbox-test", env.eventId())
          .compose(first -> !first ? Future.<Void>succeededFuture() : extra.apply(env)
            .compose(v -> tx.preparedQuery("INSERT INTO outbox_test.effects (event_id) VALUES ($1)")
              .execute(Tuple.of(env.eventId())).<Void>mapEmpty())));
      });
  }

  private ThingHappened commit(String what, String requestId) throws Exception {
    return commit("agg-" + UUID.randomUUID(), what, requestId);
  }

  /** Kafka keeps order per key, so per aggregate: that is the order consumers may rely on. */
  private ThingHappened commit(String aggregateId, String what, String requestId) throws Exception {
    ThingHappened event = new ThingHappened(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS),
      aggregateId, 1, what);
    await(pool.withTransaction(tx -> outbox.append(tx, channel, event, requestId)));
    return event;
  }

  private long unsentCount() {
    return platform.query("SELECT count(*) FROM outbox_test.outbox WHERE sent_at IS NULL").get(0).getLong(0);
  }

  private long effects() {
    return platform.query("SELECT count(*) FROM outbox_test.effects").get(0).getLong(0);
  }

  private static void retryUntilSuccess(OutboxRelay relay) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        await(relay.drain());
        return;
      } catch (Exception e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(250);
      }
    }
  }

  private List<ConsumerRecord<String, String>> readTopic(String topic, int atLeast) {
    Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers(),
      "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
      "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(props)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (out.size() < atLeast && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
      consumer.poll(Duration.ofMillis(500)).forEach(out::add);
    }
    return out;
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 30 s");
      }
      Thread.sleep(50);
    }
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
