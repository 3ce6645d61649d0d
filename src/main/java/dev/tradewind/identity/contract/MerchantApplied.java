package dev.tradewind.identity.contract;

import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** A user asked to open a merchant organisation; it waits for an admin's decision. */
public record MerchantApplied(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion,
                              UUID merchantId, UUID ownerId, String country, String defaultCurrency,
                              String defaultLanguage) implements DomainEvent {
}
