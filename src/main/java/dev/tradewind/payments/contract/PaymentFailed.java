package dev.tradewind.payments.contract;

import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** A payment attempt for an order failed; the order stays payable until it expires. {@code aggregateId} = order id. */
public record PaymentFailed(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion, UUID orderId,
                            UUID paymentId, String reason) implements DomainEvent {
}
