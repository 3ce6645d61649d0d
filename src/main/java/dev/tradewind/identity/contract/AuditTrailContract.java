package dev.tradewind.identity.contract;

/** The identity context's audit trail as other contexts see it. */
public final class AuditTrailContract {
  /** Request/reply with {@link AuditEntry}: appends it to the tamper-evident trail. */
  public static final String RECORD = "identity.record-audit-entry";

  private AuditTrailContract() {
  }
}
