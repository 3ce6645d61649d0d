package dev.tradewind.shared.kafka;

import dev.tradewind.shared.config.Settings;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;

/** The {@code kafka} section and the client properties derived from it. */
public record KafkaSettings(String bootstrapServers, String clientId) {
  public static KafkaSettings from(JsonObject config) {
    Settings s = Settings.of(config, "kafka");
    return new KafkaSettings(s.nonBlank("bootstrapServers"), s.nonBlank("clientId"));
  }

  /** An idempotent producer that waits for all in-sync replicas and gives up after {@code timeoutMs}. */
  public Map<String, String> producer(String name, int timeoutMs) {
    Map<String, String> p = base(name);
    p.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    p.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    p.put("max.in.flight.requests.per.connection", "5");
    p.put("linger.ms", "2");
    p.put("request.timeout.ms", String.valueOf(Math.min(5_000, timeoutMs / 2)));
    p.put("delivery.timeout.ms", String.valueOf(timeoutMs));
    p.put("max.block.ms", String.valueOf(Math.min(5_000, timeoutMs / 2)));
    return p;
  }

  /** A consumer that commits offsets only after processing (never automatically). */
  public Map<String, String> consumer(String name, String groupId) {
    Map<String, String> p = base(name);
    p.put("group.id", groupId);
    p.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    p.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    p.put("enable.auto.commit", "false");
    p.put("auto.offset.reset", "earliest");
    p.put("isolation.level", "read_committed");
    // The broker holds a fetch until 64 KiB or 50 ms have gathered: without it every event a producer wrote woke every
    // consumer of its topic for a fetch of its own, about a quarter of the platform JVM's CPU in uniform checkout. No
    // API answer waits for a group's consumer, so the 50 ms are only how late a read model may be.
    p.put("fetch.min.bytes", "65536");
    p.put("fetch.max.wait.ms", "50");
    return p;
  }

  /**
   * A consumer with a group of its own, starting from the newest events: every process that makes one hears every
   * event from then on (for what it keeps in memory), and none from before.
   */
  public Map<String, String> broadcast(String name) {
    Map<String, String> p = consumer(name, name + "-" + java.util.UUID.randomUUID());
    p.put("auto.offset.reset", "latest");
    // What these keep in memory are caches that an event empties: they hear it at once, not after a gathered fetch.
    p.remove("fetch.min.bytes");
    p.remove("fetch.max.wait.ms");
    return p;
  }

  public Map<String, String> admin(String name) {
    Map<String, String> p = base(name);
    p.put("request.timeout.ms", "3000");
    p.put("default.api.timeout.ms", "3000");
    return p;
  }

  private Map<String, String> base(String name) {
    Map<String, String> p = new HashMap<>();
    p.put("bootstrap.servers", bootstrapServers);
    p.put("client.id", clientId + "-" + name);
    return p;
  }
}
