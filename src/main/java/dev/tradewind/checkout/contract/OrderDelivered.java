package dev.tradewind.checkout.contract;

import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A fulfilment of an order reached the buyer. {@code aggregateId} is the order id; {@code orderStatus} is the
 * order's status after it (DELIVERED once every live fulfilment is delivered).
 */
public record OrderDelivered(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion, UUID orderId,
                             UUID fulfilmentId, UUID buyerId, String orderStatus) implements DomainEvent {
}
