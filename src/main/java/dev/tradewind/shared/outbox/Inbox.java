package dev.tradewind.shared.outbox;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/**
 * A consumer's memory of the events it has processed, kept in the consumer's own schema and written in the
 * same transaction as the effect, so an event delivered twice has its effect once.
 */
public final class Inbox {
  private final String remember;

  public Inbox(String schema) {
    new OutboxRepository(schema);
    remember = "INSERT INTO " + schema + ".processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";
  }

  /** True the first time {@code consumer} sees {@code eventId} in a committed transaction. */
  public Future<Boolean> firstDelivery(SqlConnection tx, String consumer, UUID eventId) {
    return tx.preparedQuery(remember).execute(Tuple.of(consumer, eventId)).map(rows -> rows.rowCount() == 1);
  }
}
