package dev.tradewind.tracking.contract;

import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** A carrier reports a fulfilment's parcel delivered. {@code aggregateId} is the order id. */
public record ShipmentDelivered(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion, UUID orderId,
                                UUID fulfilmentId, String carrier, String trackingNumber) implements DomainEvent {
}
