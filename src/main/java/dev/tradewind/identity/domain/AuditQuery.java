package dev.tradewind.identity.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Which audit entries to list, newest first: each filter applies when not null, {@code from} inclusive and
 * {@code to} exclusive, {@code afterSeq} resumes below that seq (from a page's cursor). The limit is at most
 * {@value #MAX_LIMIT}; zero or less asks for {@value #DEFAULT_LIMIT}.
 */
public record AuditQuery(String action, UUID actorId, String targetType, String targetId, Instant from, Instant to,
                         Long afterSeq, int limit) {
  public static final int MAX_LIMIT = 200;
  public static final int DEFAULT_LIMIT = 50;

  public AuditQuery {
    limit = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
  }

  /** Everything, newest first. */
  public static AuditQuery all(int limit) {
    return new AuditQuery(null, null, null, null, null, null, null, limit);
  }

  /** The same query continued after a page's cursor (null: from the newest). Throws on a malformed cursor. */
  public AuditQuery after(String cursor) {
    Long seq = cursor == null ? null : AuditCursor.decode(cursor);
    return new AuditQuery(action, actorId, targetType, targetId, from, to, seq, limit);
  }
}
