package dev.tradewind.identity.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Audit entries and whole chains built in memory, as the repository would store them. */
final class AuditFixtures {
  static final int TARGET_ID = 7;
  static final Instant AT = Instant.parse("2026-11-20T15:00:00.123456Z");

  private AuditFixtures() {
  }

  static AuditFacts facts(long seq) {
    return new AuditFacts(seq, new UUID(7, seq), AT.plusSeconds(seq), "USER", new UUID(1, 2), "auth.login.succeeded",
      "user", "9f0c6d1e-0000-0000-0000-000000000001", "203.0.113.7", "req-" + seq, "identity",
      "{\"method\":\"password\",\"mfa\":false}");
  }

  /** One stored row: its content, the prev_hash and the hash columns. */
  record Row(AuditFacts facts, byte[] prevHash, byte[] hash) {
  }

  /** A copy with one field replaced, fields numbered in {@link AuditFacts}' order from 0 (seq). */
  static AuditFacts with(AuditFacts f, int field, Object value) {
    Object[] v = {f.seq(), f.id(), f.occurredAt(), f.actorKind(), f.actorId(), f.action(), f.targetType(),
      f.targetId(), f.clientAddress(), f.requestId(), f.context(), f.detailsJson()};
    v[field] = value;
    return new AuditFacts((Long) v[0], (UUID) v[1], (Instant) v[2], (String) v[3], (UUID) v[4],
      (String) v[5], (String) v[6], (String) v[7], (String) v[8], (String) v[9], (String) v[10], (String) v[11]);
  }

  static List<Row> chain(int length) {
    List<Row> rows = new ArrayList<>();
    byte[] prev = AuditHash.genesis();
    for (long seq = 1; seq <= length; seq++) {
      AuditFacts facts = facts(seq);
      byte[] hash = AuditHash.of(prev, facts);
      rows.add(new Row(facts, prev, hash));
      prev = hash;
    }
    return rows;
  }
}
