package dev.tradewind.identity.contract;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * One fact for the audit trail, as any context reports it: who ({@code actorKind} USER, SERVICE, SYSTEM or
 * ANONYMOUS, and the actor's id when there is one) did what ({@code action}, dotted and lower case such as
 * {@code auth.login.failed} or {@code catalog.price.changed}) to which thing ({@code targetType} and
 * {@code targetId}), from where and in which request. {@code context} names the reporting bounded context.
 *
 * <p>{@code details} is optional and small (at most 4 KiB as JSON). It holds ids and codes only — never
 * secrets, tokens or personal data such as names and emails: audit entries are never rewritten, not even when a
 * person is erased.
 */
public record AuditEntry(String context, String action, String actorKind, UUID actorId, String targetType,
                         String targetId, String clientAddress, String requestId, JsonObject details) {
}
