package dev.tradewind.identity.contract;

import dev.tradewind.shared.outbox.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * An audit entry a context wrote to its outbox in the transaction of the change it reports, so that the entry exists
 * exactly when the change does; identity appends it to the trail once ({@link AuditTrailContract#reported}).
 * {@code aggregateId} is the entry's target id.
 */
public record AuditEntryReported(UUID eventId, Instant occurredAt, String aggregateId, int schemaVersion,
                                 AuditEntry entry) implements DomainEvent {
}
