package dev.tradewind.infra;

import dev.tradewind.shared.json.Json;
import dev.tradewind.shared.outbox.DomainEvent;
import dev.tradewind.shared.outbox.EventChannel;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Publishes another context's events to Kafka as its outbox relay does (key = aggregate id, event id and type in
 * headers), for stories about a consumer whose producer is not the subject.
 */
public final class EventsOnKafka implements AutoCloseable {
  private final KafkaProducer<String, String> producer;

  public EventsOnKafka(TestPlatform platform) {
    String servers = platform.config().getJsonObject("kafka").getString("bootstrapServers");
    producer = new KafkaProducer<>(Map.of("bootstrap.servers", servers, "acks", "all", "enable.idempotence", "true"),
      new StringSerializer(), new StringSerializer());
  }

  public <E extends DomainEvent> void publish(EventChannel<E> channel, E event) {
    ProducerRecord<String, String> record = new ProducerRecord<>(channel.topic(), event.aggregateId(),
      Json.object(event).encode());
    record.headers().add("event-id", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
    record.headers().add("event-type", channel.address().getBytes(StandardCharsets.UTF_8));
    try {
      producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not publish " + event, e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
