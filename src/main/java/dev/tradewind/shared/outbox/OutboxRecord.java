package dev.tradewind.shared.outbox;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** One row of a context's outbox, as the relay reads it. */
public record OutboxRecord(long id, UUID eventId, String topic, String address, String aggregateId,
                           JsonObject payload, String requestId) {
}
