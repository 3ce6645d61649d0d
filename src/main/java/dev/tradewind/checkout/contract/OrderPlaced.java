package dev.tradewind.checkout.contract;

import dev.tradewind.shared.money.Money;
import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A buyer placed an order and its stock is reserved until {@code payBy}. {@code aggregateId} is the order id;
 * {@code dueNow} is what payments should collect.
 */
public record OrderPlaced(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion, UUID orderId,
                          UUID buyerId, UUID quoteId, Money dueNow, Instant payBy, List<PlacedLine> lines)
  implements DomainEvent {
  public OrderPlaced {
    lines = List.copyOf(lines);
  }

  /** One line: which SKU, from which merchant's fulfilment, how many. */
  public record PlacedLine(UUID fulfilmentId, UUID skuId, UUID productId, UUID merchantId, int quantity) {
  }
}
