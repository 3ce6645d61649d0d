package dev.tradewind.checkout.contract;

import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A merchant packed its part of a paid order; logistics may book a pickup. {@code aggregateId} is the order id;
 * {@code destinationCountry} is ISO 3166-1 alpha-2.
 */
public record FulfilmentReadyToShip(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion,
                                    UUID orderId, UUID fulfilmentId, UUID merchantId, String destinationCountry)
  implements DomainEvent {
}
