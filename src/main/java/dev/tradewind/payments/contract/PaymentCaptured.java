package dev.tradewind.payments.contract;

import dev.tradewind.shared.money.Money;
import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * Money for an order was captured by the provider. {@code aggregateId} is the order id. Checkout moves the order
 * to PAID when {@code amount} equals what is due; otherwise it records the mismatch and leaves the order.
 */
public record PaymentCaptured(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion, UUID orderId,
                              UUID paymentId, Money amount, String provider) implements DomainEvent {
}
