package dev.tradewind.identity.contract;

import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's personal data was erased at their request. Every context holding personal data about the user
 * anonymises it on receipt; records needed for accounting (orders, payments) stay, without the person.
 */
public record UserErased(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion, UUID userId)
  implements DomainEvent {
}
