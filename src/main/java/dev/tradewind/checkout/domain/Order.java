package dev.tradewind.checkout.domain;

import dev.tradewind.shared.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as stored: the quote it came from, where it goes, and one fulfilment per merchant. */
public record Order(UUID id, UUID buyerId, UUID quoteId, OrderStatus status, Money dueNow, Address shippingAddress,
                    String note, Instant reservationExpiresAt, Instant createdAt, Instant updatedAt,
                    List<Fulfilment> fulfilments) {
  public Order {
    fulfilments = List.copyOf(fulfilments);
  }

  /** One merchant's part of an order. {@code amount} is what the buyer pays for it (lines, shipping, DDP charges). */
  public record Fulfilment(UUID id, UUID merchantId, OrderStatus status, Money amount, String carrier,
                           String trackingNumber, List<Line> lines) {
    public Fulfilment {
      lines = List.copyOf(lines);
    }
  }

  /** One SKU line, reserved at {@code locationId}. */
  public record Line(UUID skuId, UUID productId, UUID merchantId, String title, int quantity, Money unitPrice,
                     Money subtotal, UUID locationId) {
  }

  /** One stored transition, with who made it and why. */
  public record Transition(UUID fulfilmentId, String from, String to, String actorType, String actorId, String reason,
                           Instant at) {
  }
}
