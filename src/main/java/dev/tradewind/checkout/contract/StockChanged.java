package dev.tradewind.checkout.contract;

import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * What a SKU now has available to sell, summed over the merchant's fulfilment locations (on hand − reserved).
 * {@code aggregateId} is the SKU id. {@code version} grows with every change of that SKU's stock, so a reader
 * keeps the figure with the highest version and ignores late or repeated deliveries.
 */
public record StockChanged(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion, UUID skuId,
                           UUID merchantId, int available, long version) implements DomainEvent {
}
