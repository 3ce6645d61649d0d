package dev.tradewind.checkout.contract;

import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A buyer's order was paid in full. {@code aggregateId} is the order id. Each line names the SKU bought, its
 * product and merchant and how many; the same product may appear on several lines (one per SKU). Until delivery
 * tracking exists, the catalogue takes a paid order as the buyer having received the product.
 */
public record OrderPaid(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion, UUID orderId,
                        UUID buyerId, List<PaidLine> lines) implements DomainEvent {
  public OrderPaid {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /** One paid line of the order. */
  public record PaidLine(UUID skuId, UUID productId, UUID merchantId, int quantity) {
  }
}
