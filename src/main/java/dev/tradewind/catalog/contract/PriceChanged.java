package dev.tradewind.catalog.contract;

import dev.tradewind.shared.money.Money;
import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** A SKU's list price or sale changed; the previous price stays in the catalogue's price history. */
public record PriceChanged(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion, UUID skuId,
                           UUID productId, UUID merchantId, Money listPrice, Money salePrice, Instant saleStartsAt,
                           Instant saleEndsAt) implements DomainEvent {
}
