package dev.tradewind.catalog.contract;

import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** A product left the catalogue for good; its SKUs can no longer be sold. */
public record ProductArchived(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion, UUID productId,
                              UUID merchantId) implements DomainEvent {
}
