package dev.tradewind.identity.infra;

import dev.tradewind.identity.contract.AuditEntry;
import dev.tradewind.identity.domain.AuditCursor;
import dev.tradewind.identity.domain.AuditFacts;
import dev.tradewind.identity.domain.AuditHash;
import dev.tradewind.identity.domain.AuditQuery;
import dev.tradewind.identity.domain.ChainVerifier;
import dev.tradewind.identity.domain.Verification;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** The SQL of the audit trail: {@code identity.audit_entries} and its chain head. */
public final class AuditRepository {
  private static final int VERIFY_PAGE = 1_000;

  private static final String ENSURE_HEAD = """
    INSERT INTO identity.audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, $1) ON CONFLICT (id) DO NOTHING""";
  private static final String LOCK_HEAD = "SELECT last_seq, last_hash FROM identity.audit_chain_head WHERE id = 1 FOR UPDATE";
  private static final String READ_HEAD = "SELECT last_seq, last_hash FROM identity.audit_chain_head WHERE id = 1";
  private static final String INSERT = """
    INSERT INTO identity.audit_entries (seq, id, occurred_at, actor_id, actor_kind, action, target_type, target_id,
                                        client_address, request_id, context, details, prev_hash, hash)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)""";
  private static final String MOVE_HEAD = "UPDATE identity.audit_chain_head SET last_seq = $1, last_hash = $2 WHERE id = 1";
  private static final String COLUMNS = """
    seq, id, occurred_at, actor_id, actor_kind, action, target_type, target_id, client_address, request_id, context,
    prev_hash, hash, """;
  // details as text: read as JSON, a number like 1.00000000000000000001 would come back as a double and no
  // longer match its hash
  private static final String CHAIN_PAGE = "SELECT " + COLUMNS + "details::text AS details FROM identity.audit_entries"
    + " WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3";
  private static final String QUERY = "SELECT " + COLUMNS + "details FROM identity.audit_entries WHERE true";
  private static final String NEWEST_FIRST = " ORDER BY seq DESC LIMIT $";

  private static final HexFormat HEX = HexFormat.of();

  /** A page of entries, newest first; {@code nextCursor} is null on the last page. */
  public record Page(List<StoredAuditEntry> items, String nextCursor) {
  }

  private record Link(AuditFacts facts, JsonObject details, byte[] prevHash, byte[] hash) {
  }

  /**
   * Appends inside the caller's transaction. Locking the chain head serialises appends: concurrent transactions
   * take their seq one after another and each links to the entry committed before it, so the chain has no gaps
   * or forks under any concurrency. The lock lasts until the caller commits, so append last in the transaction.
   */
  public Future<StoredAuditEntry> append(SqlConnection tx, AuditEntry entry, Instant at) {
    return tx.preparedQuery(ENSURE_HEAD).execute(Tuple.of(Buffer.buffer(AuditHash.genesis())))
      .compose(ensured -> tx.preparedQuery(LOCK_HEAD).execute())
      .map(rows -> link(rows.iterator().next(), entry, at.truncatedTo(ChronoUnit.MICROS)))
      .compose(link -> insert(tx, link));
  }

  public Future<StoredAuditEntry> append(Pool pool, AuditEntry entry, Instant at) {
    return pool.withTransaction(tx -> append(tx, entry, at));
  }

  /**
   * Walks the chain up to the head as it is now, {@value #VERIFY_PAGE} entries at a time. Entries appended
   * meanwhile are left for the next check.
   */
  public Future<Verification> verify(Pool pool) {
    return pool.preparedQuery(READ_HEAD).execute().compose(rows -> {
      Row head = rows.size() == 0 ? null : rows.iterator().next();
      Long headSeq = head == null ? null : head.getLong("last_seq");
      byte[] headHash = head == null ? null : head.getBuffer("last_hash").getBytes();
      ChainVerifier verifier = new ChainVerifier();
      Promise<Void> walked = Promise.promise();
      walk(pool, verifier, headSeq == null ? Long.MAX_VALUE : headSeq, walked);
      return walked.future().map(v -> verifier.finish(headSeq, headHash));
    });
  }

  /**
   * Only the filters asked for go into the SQL: each combination is its own prepared statement with a plan
   * that uses its index, where one generic {@code $1 IS NULL OR action = $1} statement would use none.
   */
  public Future<Page> query(Pool pool, AuditQuery q) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder(QUERY);
    filter(sql, params, " AND action = $", q.action());
    filter(sql, params, " AND actor_id = $", q.actorId());
    filter(sql, params, " AND target_type = $", q.targetType());
    filter(sql, params, " AND target_id = $", q.targetId());
    filter(sql, params, " AND occurred_at >= $", q.from() == null ? null : utc(q.from()));
    filter(sql, params, " AND occurred_at < $", q.to() == null ? null : utc(q.to()));
    filter(sql, params, " AND seq < $", q.afterSeq());
    params.add(q.limit() + 1);
    sql.append(NEWEST_FIRST).append(params.size());
    return pool.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(rows -> page(rows, q.limit()));
  }

  private static Link link(Row head, AuditEntry entry, Instant at) {
    byte[] prevHash = head.getBuffer("last_hash").getBytes();
    JsonObject details = entry.details() == null ? new JsonObject() : entry.details();
    AuditFacts facts = new AuditFacts(head.getLong("last_seq") + 1, UUID.randomUUID(), at, entry.actorKind(),
      entry.actorId(), entry.action(), entry.targetType(), entry.targetId(), entry.clientAddress(), entry.requestId(),
      entry.context(), details.encode());
    return new Link(facts, details, prevHash, AuditHash.of(prevHash, facts));
  }

  private static Future<StoredAuditEntry> insert(SqlConnection tx, Link link) {
    AuditFacts f = link.facts();
    Buffer hash = Buffer.buffer(link.hash());
    Tuple row = Tuple.from(new Object[]{f.seq(), f.id(), utc(f.occurredAt()), f.actorId(), f.actorKind(), f.action(),
      f.targetType(), f.targetId(), f.clientAddress(), f.requestId(), f.context(), link.details(),
      Buffer.buffer(link.prevHash()), hash});
    return tx.preparedQuery(INSERT).execute(row)
      .compose(inserted -> tx.preparedQuery(MOVE_HEAD).execute(Tuple.of(f.seq(), hash)))
      .map(moved -> stored(f, link.details(), link.prevHash(), link.hash()));
  }

  /**
   * A loop, not a chain of composed futures: a long trail is many pages, and nesting one future per page would
   * grow the stack with the trail when the last one completes.
   */
  private void walk(Pool pool, ChainVerifier verifier, long upTo, Promise<Void> walked) {
    pool.preparedQuery(CHAIN_PAGE).execute(Tuple.of(verifier.lastSeq(), upTo, VERIFY_PAGE))
      .map(rows -> check(rows, verifier))
      .onFailure(walked::fail)
      .onSuccess(more -> {
        if (more) {
          walk(pool, verifier, upTo, walked);
        } else {
          walked.complete();
        }
      });
  }

  /** Answers whether another page may follow. */
  private static boolean check(RowSet<Row> rows, ChainVerifier verifier) {
    for (Row row : rows) {
      if (!verifier.accept(facts(row, row.getString("details")), row.getBuffer("prev_hash").getBytes(),
        row.getBuffer("hash").getBytes())) {
        return false;
      }
    }
    return rows.size() == VERIFY_PAGE;
  }

  private static Page page(RowSet<Row> rows, int limit) {
    List<StoredAuditEntry> items = new ArrayList<>(Math.min(rows.size(), limit));
    for (Row row : rows) {
      if (items.size() == limit) {
        return new Page(items, AuditCursor.encode(items.get(limit - 1).seq()));
      }
      items.add(stored(facts(row, null), row.getJsonObject("details"), row.getBuffer("prev_hash").getBytes(),
        row.getBuffer("hash").getBytes()));
    }
    return new Page(items, null);
  }

  private static void filter(StringBuilder sql, List<Object> params, String clause, Object value) {
    if (value != null) {
      params.add(value);
      sql.append(clause).append(params.size());
    }
  }

  private static AuditFacts facts(Row row, String detailsJson) {
    return new AuditFacts(row.getLong("seq"), row.getUUID("id"), row.getOffsetDateTime("occurred_at").toInstant(),
      row.getString("actor_kind"), row.getUUID("actor_id"), row.getString("action"), row.getString("target_type"),
      row.getString("target_id"), row.getString("client_address"), row.getString("request_id"),
      row.getString("context"), detailsJson);
  }

  private static StoredAuditEntry stored(AuditFacts f, JsonObject details, byte[] prevHash, byte[] hash) {
    return new StoredAuditEntry(f.seq(), f.id(), f.occurredAt(), f.actorKind(), f.actorId(), f.action(),
      f.targetType(), f.targetId(), f.clientAddress(), f.requestId(), f.context(), details, HEX.formatHex(prevHash),
      HEX.formatHex(hash));
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
