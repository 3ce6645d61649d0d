package dev.tradewind.shared.outbox;

import dev.tradewind.shared.json.Json;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The SQL of one schema's outbox. Appends join the caller's transaction, each payload sent as JSON text encoded once;
 * claims lock and mark rows for one relay.
 */
public final class OutboxRepository {
  private static final Pattern SCHEMA = Pattern.compile("[a-z][a-z_]{0,30}");

  private final String insert;
  private final String insertAll;
  private final String claim;
  private final String lag;
  private final String purge;

  public OutboxRepository(String schema) {
    if (!SCHEMA.matcher(schema).matches()) {
      throw new IllegalArgumentException("not a schema name: " + schema);
    }
    insert = "INSERT INTO " + schema + ".outbox (event_id, topic, address, aggregate_id, payload, request_id, occurred_at)"
      + " VALUES ($1, $2, $3, $4, $5::text::jsonb, $6, $7)";
    insertAll = "INSERT INTO " + schema + ".outbox (event_id, topic, address, aggregate_id, payload, request_id, occurred_at)"
      + " SELECT e.event_id, $1, $2, e.aggregate_id, e.payload::jsonb, e.request_id, e.occurred_at FROM unnest($3::uuid[],"
      + " $4::text[], $5::text[], $6::text[], $7::timestamptz[]) WITH ORDINALITY"
      + " AS e(event_id, aggregate_id, payload, request_id, occurred_at, n) ORDER BY e.n";
    claim = "UPDATE " + schema + ".outbox o SET sent_at = now() FROM (SELECT id FROM " + schema + ".outbox"
      + " WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) c WHERE o.id = c.id"
      + " RETURNING o.id, o.event_id, o.topic, o.address, o.aggregate_id, o.payload, o.request_id";
    // Only the oldest rows by id are looked at: sent in id order, they are the ones past retention, and a run that
    // finds none reads a page, not the whole table. An unsent row is never deleted.
    purge = "DELETE FROM " + schema + ".outbox WHERE id IN (SELECT id FROM (SELECT id, sent_at FROM " + schema
      + ".outbox ORDER BY id LIMIT $2) oldest WHERE sent_at < now() - make_interval(hours => $1))";
    lag = "SELECT count(*) AS pending, extract(epoch FROM now() - min(occurred_at)) AS oldest FROM " + schema
      + ".outbox WHERE sent_at IS NULL";
  }

  public <E extends DomainEvent> Future<Void> append(SqlConnection tx, EventChannel<E> channel, E event, String requestId) {
    return tx.preparedQuery(insert).execute(row(channel, event, requestId)).mapEmpty();
  }

  private static <E extends DomainEvent> Tuple row(EventChannel<E> channel, E event, String requestId) {
    return Tuple.of(event.eventId(), channel.topic(), channel.address(), event.aggregateId(), Json.string(event),
      requestId, OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC));
  }

  /** Appends many events of one channel in one statement, in the order given; {@code requestIds} pairs with {@code events}. */
  public <E extends DomainEvent> Future<Void> appendAll(SqlConnection tx, EventChannel<E> channel, List<E> events,
                                                       List<String> requestIds) {
    if (events.isEmpty()) {
      return Future.succeededFuture();
    }
    int n = events.size();
    UUID[] ids = new UUID[n];
    String[] aggregates = new String[n];
    String[] payloads = new String[n];
    OffsetDateTime[] occurred = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      E event = events.get(i);
      ids[i] = event.eventId();
      aggregates[i] = event.aggregateId();
      payloads[i] = Json.string(event);
      occurred[i] = OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC);
    }
    return tx.preparedQuery(insertAll).execute(Tuple.of(channel.topic(), channel.address(), ids, aggregates, payloads,
      requestIds.toArray(String[]::new), occurred)).mapEmpty();
  }

  /**
   * Locks the oldest unsent events, skipping those another relay holds, and marks them sent in the same statement:
   * the mark stands only if the caller's transaction commits, which it does after publishing. In outbox order.
   */
  public Future<List<OutboxRecord>> claim(SqlConnection tx, int limit) {
    return tx.preparedQuery(claim).execute(Tuple.of(limit)).map(rows -> {
      var out = new java.util.ArrayList<OutboxRecord>(rows.rowCount());
      rows.forEach(row -> out.add(toRecord(row)));
      out.sort(java.util.Comparator.comparingLong(OutboxRecord::id));
      return out;
    });
  }

  /** For a transaction whose loss in a crash is harmless: its commit returns before its WAL is flushed. */
  public Future<Void> commitWithoutWaitingForFlush(SqlConnection tx) {
    return tx.query("SET LOCAL synchronous_commit = off").execute().mapEmpty();
  }

  /** Deletes up to {@code limit} of the oldest events sent more than {@code retentionHours} ago; answers how many. */
  public Future<Integer> purge(SqlClient client, int retentionHours, int limit) {
    return client.preparedQuery(purge).execute(Tuple.of(retentionHours, limit)).map(rows -> rows.rowCount());
  }

  /** How many events wait and how old the oldest is, in seconds (0 when none wait). */
  public Future<long[]> lag(SqlClient client) {
    return client.preparedQuery(lag).execute().map(rows -> {
      Row row = rows.iterator().next();
      Number oldest = row.getNumeric("oldest");
      return new long[]{row.getLong("pending"), oldest == null ? 0 : oldest.longValue()};
    });
  }

  private static OutboxRecord toRecord(Row row) {
    Object payload = row.getValue("payload");
    return new OutboxRecord(row.getLong("id"), row.getUUID("event_id"), row.getString("topic"),
      row.getString("address"), row.getString("aggregate_id"),
      payload instanceof JsonObject json ? json : new JsonObject(String.valueOf(payload)),
      row.getString("request_id"));
  }
}
