package dev.tradewind.shared.kafka;

import io.micrometer.core.instrument.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaHeader;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Where a consumer parks a record that can never be read as an event (not JSON, no valid event id, no value): on
 * {@code <topic>.dead-letter}, as it came, with why and where it came from in its headers. Retrying such a record
 * would stop its partition for good; parked, it stays available to whoever looks into it, and the events after it
 * flow. Records that were read but whose handling failed are not parked here: those are retried.
 */
final class DeadLetters {
  static final String SUFFIX = ".dead-letter";
  static final String REASON = "dead-letter-reason";
  static final String SOURCE = "dead-letter-source";
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  private final Vertx vertx;
  private final Map<String, String> producerConfig;
  private Future<KafkaProducer<String, String>> producer;

  DeadLetters(Vertx vertx, Map<String, String> producerConfig) {
    this.vertx = vertx;
    this.producerConfig = producerConfig;
  }

  /** Succeeds once the record is stored on the dead-letter topic, so only then may its offset be committed. */
  Future<Void> park(KafkaConsumerRecord<String, String> record, Exception unreadable) {
    String source = record.topic() + "/" + record.partition() + "@" + record.offset();
    LOG.error("the record at {} is not an event ({}); parked on {}{}", source, unreadable.toString(), record.topic(),
      SUFFIX);
    KafkaProducerRecord<String, String> parked = KafkaProducerRecord.create(record.topic() + SUFFIX, record.key(),
      record.value());
    record.headers().forEach(parked::addHeader);
    parked.addHeader(KafkaHeader.header(REASON, String.valueOf(unreadable)));
    parked.addHeader(KafkaHeader.header(SOURCE, source));
    return producer().compose(p -> p.send(parked))
      .onSuccess(sent -> Metrics.counter("tradewind_kafka_dead_letters", "topic", record.topic()).increment())
      .mapEmpty();
  }

  Future<Void> close() {
    return producer == null ? Future.succeededFuture()
      : producer.compose(KafkaProducer::close, neverCreated -> Future.succeededFuture());
  }

  private Future<KafkaProducer<String, String>> producer() {
    if (producer == null || producer.failed()) {
      producer = vertx.executeBlocking(() -> KafkaProducer.create(vertx, producerConfig));
    }
    return producer;
  }
}
