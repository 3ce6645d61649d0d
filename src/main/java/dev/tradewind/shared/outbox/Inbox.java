package dev.tradewind.shared.outbox;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/**
 * A consumer's memory of the events it has processed, kept in the consumer's own schema and written in the
 * same transaction as the effect, so an event delivered twice has its effect once.
 */
public final class Inbox {
  private final String remember;
  private final String purge;

  public Inbox(String schema) {
    new OutboxRepository(schema);
    remember = "INSERT INTO " + schema + ".processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
    purge = "DELETE FROM " + schema + ".processed_events WHERE (consumer, event_id) IN (SELECT consumer, event_id FROM "
      + schema + ".processed_events WHERE processed_at < now() - make_interval(hours => $1) ORDER BY processed_at LIMIT $2)";
  }

  /** True the first time {@code consumer} sees {@code eventId} in a committed transaction. */
  public Future<Boolean> firstDelivery(SqlConnection tx, String consumer, UUID eventId) {
    return tx.preparedQuery(remember).execute(Tuple.of(consumer, eventId)).map(rows -> rows.rowCount() == 1);
  }

  /**
   * Forgets up to {@code limit} of the oldest events processed more than {@code retentionHours} ago; answers how many.
   * Safe only when Kafka can no longer deliver them again: the retention must outlast the topics' own.
   */
  public Future<Integer> purge(SqlClient client, int retentionHours, int limit) {
    return client.preparedQuery(purge).execute(Tuple.of(retentionHours, limit)).map(rows -> rows.rowCount());
  }
}
