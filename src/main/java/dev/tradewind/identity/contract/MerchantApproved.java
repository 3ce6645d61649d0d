package dev.tradewind.identity.contract;

import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** An admin approved a merchant organisation: from now on it may sell. */
public record MerchantApproved(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion,
                               UUID merchantId, UUID ownerId, String legalName, String country, String defaultCurrency,
                               String defaultLanguage, UUID approvedBy) implements DomainEvent {
}
