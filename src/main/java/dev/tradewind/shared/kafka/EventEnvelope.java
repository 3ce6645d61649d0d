package dev.tradewind.shared.kafka;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** An event as it arrives from Kafka: its id and request id from the headers, its key and JSON payload. */
public record EventEnvelope(UUID eventId, String topic, String key, JsonObject payload, String requestId,
                            int partition, long offset) {
}
