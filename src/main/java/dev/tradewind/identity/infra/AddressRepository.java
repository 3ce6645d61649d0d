package dev.tradewind.identity.infra;

import dev.tradewind.identity.domain.Address;
import dev.tradewind.identity.domain.NewAddress;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL of the address book. Every statement names the owner, so no query can reach another user's row. */
public final class AddressRepository {
  private static final String COLUMNS = """
    id, user_id, label, recipient, line1, line2, city, region, postal_code, country, phone, is_default, created_at,
    updated_at""";
  private static final String LIST = "SELECT " + COLUMNS
    + " FROM identity.addresses WHERE user_id = $1 ORDER BY created_at, id";
  private static final String ONE = "SELECT " + COLUMNS + " FROM identity.addresses WHERE id = $1 AND user_id = $2";
  private static final String COUNT = "SELECT count(*) FROM identity.addresses WHERE user_id = $1";
  private static final String CLEAR_DEFAULT = """
    UPDATE identity.addresses SET is_default = false WHERE user_id = $1 AND is_default AND id <> $2""";
  private static final String INSERT = "INSERT INTO identity.addresses (" + COLUMNS + """
    ) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)""";
  private static final String UPDATE = """
    UPDATE identity.addresses SET label = $3, recipient = $4, line1 = $5, line2 = $6, city = $7, region = $8,
      postal_code = $9, country = $10, phone = $11, is_default = $12, updated_at = $13
    WHERE id = $1 AND user_id = $2""";
  private static final String DELETE = "DELETE FROM identity.addresses WHERE id = $1 AND user_id = $2";
  private static final String DELETE_ALL = "DELETE FROM identity.addresses WHERE user_id = $1";
  private static final String LOCK_OWNER = "SELECT id FROM identity.users WHERE id = $1 FOR UPDATE";

  public Future<List<Address>> list(SqlClient client, UUID userId) {
    return client.preparedQuery(LIST).execute(Tuple.of(userId)).map(rows -> {
      List<Address> out = new ArrayList<>();
      rows.forEach(row -> out.add(address(row)));
      return out;
    });
  }

  public Future<Address> find(SqlClient client, UUID id, UUID userId) {
    return client.preparedQuery(ONE).execute(Tuple.of(id, userId))
      .map(rows -> rows.size() == 0 ? null : address(rows.iterator().next()));
  }

  /** Serialises changes to one user's address book, so the default flag and the count limit hold. */
  public Future<Integer> lockBook(SqlClient tx, UUID userId) {
    return tx.preparedQuery(LOCK_OWNER).execute(Tuple.of(userId))
      .compose(v -> tx.preparedQuery(COUNT).execute(Tuple.of(userId)))
      .map(rows -> rows.iterator().next().getLong(0).intValue());
  }

  public Future<Void> insert(SqlClient tx, UUID id, UUID userId, NewAddress a, OffsetDateTime now) {
    return clearDefault(tx, userId, id, a.isDefault())
      .compose(v -> tx.preparedQuery(INSERT).execute(Tuple.from(new Object[]{id, userId, a.label(), a.recipient(),
        a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.country(), a.phone(), a.isDefault(), now})))
      .mapEmpty();
  }

  public Future<Boolean> update(SqlClient tx, UUID id, UUID userId, NewAddress a, OffsetDateTime now) {
    return clearDefault(tx, userId, id, a.isDefault())
      .compose(v -> tx.preparedQuery(UPDATE).execute(Tuple.from(new Object[]{id, userId, a.label(), a.recipient(),
        a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.country(), a.phone(), a.isDefault(), now})))
      .map(rows -> rows.rowCount() == 1);
  }

  public Future<Boolean> delete(SqlClient tx, UUID id, UUID userId) {
    return tx.preparedQuery(DELETE).execute(Tuple.of(id, userId)).map(rows -> rows.rowCount() == 1);
  }

  public Future<Void> deleteAll(SqlClient tx, UUID userId) {
    return tx.preparedQuery(DELETE_ALL).execute(Tuple.of(userId)).mapEmpty();
  }

  private Future<Void> clearDefault(SqlClient tx, UUID userId, UUID keep, boolean makingDefault) {
    return makingDefault ? tx.preparedQuery(CLEAR_DEFAULT).execute(Tuple.of(userId, keep)).mapEmpty()
      : Future.succeededFuture();
  }

  private static Address address(Row row) {
    return new Address(row.getUUID("id"), row.getUUID("user_id"), row.getString("label"), row.getString("recipient"),
      row.getString("line1"), row.getString("line2"), row.getString("city"), row.getString("region"),
      row.getString("postal_code"), row.getString("country"), row.getString("phone"), row.getBoolean("is_default"),
      row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
  }
}
