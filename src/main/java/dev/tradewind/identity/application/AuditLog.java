package dev.tradewind.identity.application;

import dev.tradewind.identity.contract.AuditEntry;
import dev.tradewind.identity.contract.IdentityContract;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** Builds the audit entries identity itself records. */
public final class AuditLog {
  private AuditLog() {
  }

  public static AuditEntry byUser(UUID actor, String action, String targetType, Object targetId, String clientAddress,
                           String requestId, JsonObject details) {
    return new AuditEntry(IdentityContract.CONTEXT, action, actor == null ? "ANONYMOUS" : "USER", actor, targetType,
      targetId == null ? null : targetId.toString(), clientAddress, requestId, details);
  }

  public static AuditEntry bySystem(String action, String targetType, Object targetId, String requestId, JsonObject details) {
    return new AuditEntry(IdentityContract.CONTEXT, action, "SYSTEM", null, targetType,
      targetId == null ? null : targetId.toString(), null, requestId, details);
  }
}
