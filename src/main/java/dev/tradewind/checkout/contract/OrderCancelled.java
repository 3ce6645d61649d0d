package dev.tradewind.checkout.contract;

import dev.tradewind.shared.money.Money;
import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Some fulfilments of an order were cancelled (all of them when the buyer cancels the order). {@code aggregateId}
 * is the order id. {@code refundDue} is what was already paid for them and must go back to the buyer (zero when
 * cancelled before payment); {@code by} is BUYER, MERCHANT or ADMIN.
 */
public record OrderCancelled(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion, UUID orderId,
                             UUID buyerId, List<UUID> fulfilmentIds, String by, String reason, Money refundDue)
  implements DomainEvent {
  public OrderCancelled {
    fulfilmentIds = List.copyOf(fulfilmentIds);
  }
}
