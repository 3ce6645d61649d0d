package dev.tradewind.identity.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Everything an audit entry's hash covers, as stored. {@code detailsJson} is the details object as JSON text
 * (null only when there are none); its key order and number spelling do not matter, see {@link CanonicalJson}.
 */
public record AuditFacts(long seq, UUID id, Instant occurredAt, String actorKind, UUID actorId, String action,
                         String targetType, String targetId, String clientAddress, String requestId, String context,
                         String detailsJson) {
}
