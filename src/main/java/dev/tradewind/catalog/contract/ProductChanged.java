package dev.tradewind.catalog.contract;

import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** A product's content, variants or state changed; {@code version} is the product's new version. */
public record ProductChanged(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion, UUID productId,
                             UUID merchantId, String status, int version) implements DomainEvent {
}
