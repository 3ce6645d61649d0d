package dev.tradewind.checkout.contract;

import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** A fulfilment left with a carrier under a tracking number. {@code aggregateId} is the order id. */
public record FulfilmentShipped(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion, UUID orderId,
                                UUID fulfilmentId, UUID merchantId, String carrier, String trackingNumber)
  implements DomainEvent {
}
