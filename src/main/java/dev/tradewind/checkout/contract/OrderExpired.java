package dev.tradewind.checkout.contract;

import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** An order was not paid before its reservation lapsed; its stock is back on sale. {@code aggregateId} = order id. */
public record OrderExpired(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion, UUID orderId,
                           UUID buyerId) implements DomainEvent {
}
