package dev.tradewind.identity.contract;

import dev.tradewind.shared.outbox.EventChannel;

/** The identity context's audit trail as other contexts see it. */
public final class AuditTrailContract {
  /** Request/reply with {@link AuditEntry}: appends it to the tamper-evident trail. */
  public static final String RECORD = "identity.record-audit-entry";

  /**
   * Where {@code context} reports audit entries through its outbox ({@code <context>.audit-entry-reported.v1}),
   * for a change whose entry must exist exactly when the change does.
   */
  public static EventChannel<AuditEntryReported> reported(String context) {
    return EventChannel.of(context, "audit-entry-reported", 1, AuditEntryReported.class);
  }

  private AuditTrailContract() {
  }
}
