package dev.tradewind.identity.application;

import dev.tradewind.identity.contract.AuditEntry;
import dev.tradewind.identity.domain.AuditEntryRules;
import dev.tradewind.identity.domain.AuditQuery;
import dev.tradewind.identity.domain.Verification;
import dev.tradewind.identity.infra.AuditRepository;
import dev.tradewind.identity.infra.AuditRepository.Page;
import dev.tradewind.identity.infra.StoredAuditEntry;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * The identity context's tamper-evident audit trail: records what any context reports, proves the chain is
 * intact, and lists entries newest first. A malformed entry or cursor fails with an
 * {@link IllegalArgumentException} whose message says what is wrong.
 */
public final class AuditTrail {
  private final Pool pool;
  private final AuditRepository audit;
  private final Clock clock;

  public AuditTrail(Pool pool, AuditRepository audit, Clock clock) {
    this.pool = pool;
    this.audit = audit;
    this.clock = clock;
  }

  /** Records the entry in a transaction of its own. */
  public Future<StoredAuditEntry> record(AuditEntry entry) {
    return checked(entry).compose(valid -> audit.append(pool, valid, clock.instant()));
  }

  /** Records the entry in the caller's transaction, so it exists exactly when the change it reports does. */
  public Future<StoredAuditEntry> record(SqlConnection tx, AuditEntry entry) {
    return record(tx, entry, clock.instant());
  }

  /** The same for a change that happened {@code at}, reported later (through another context's outbox). */
  public Future<StoredAuditEntry> record(SqlConnection tx, AuditEntry entry, Instant at) {
    return checked(entry).compose(valid -> audit.append(tx, valid, at));
  }

  public Future<Verification> verify() {
    return audit.verify(pool);
  }

  public Future<Page> query(AuditQuery query) {
    return audit.query(pool, query);
  }

  /** Continues {@code query} after a page's {@code nextCursor} (null: from the newest entry). */
  public Future<Page> query(AuditQuery query, String cursor) {
    return Future.succeededFuture(cursor).map(query::after).compose(this::query);
  }

  private static Future<AuditEntry> checked(AuditEntry entry) {
    int detailsBytes = entry.details() == null ? 0 : entry.details().encode().getBytes(StandardCharsets.UTF_8).length;
    return AuditEntryRules.violation(entry.context(), entry.action(), entry.actorKind(), entry.actorId(),
        entry.targetType(), entry.targetId(), entry.clientAddress(), entry.requestId(), detailsBytes)
      .map(problem -> Future.<AuditEntry>failedFuture(new IllegalArgumentException(problem)))
      .orElseGet(() -> Future.succeededFuture(entry));
  }
}
