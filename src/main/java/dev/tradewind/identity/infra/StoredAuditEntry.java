package dev.tradewind.identity.infra;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.UUID;

/** An audit entry as the trail holds it: its place in the chain, its content and its hashes (hex). */
public record StoredAuditEntry(long seq, UUID id, Instant occurredAt, String actorKind, UUID actorId, String action,
                               String targetType, String targetId, String clientAddress, String requestId,
                               String context, JsonObject details, String prevHash, String hash) {
}
