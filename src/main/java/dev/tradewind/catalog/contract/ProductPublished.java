package dev.tradewind.catalog.contract;

import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A product became visible to buyers, with the SKUs that can now be sold. */
public record ProductPublished(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion, UUID productId,
                               UUID merchantId, String categorySlug, List<UUID> skuIds) implements DomainEvent {
  public ProductPublished {
    skuIds = List.copyOf(skuIds);
  }
}
