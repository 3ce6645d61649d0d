package dev.tradewind.identity.contract;

import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A person opened an account. Carries no email or name: personal data stays in the identity context, so
 * erasing a user never has to chase copies through the event stream.
 */
public record UserRegistered(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion,
                             UUID userId, String country, String currency, String language) implements DomainEvent {
}
