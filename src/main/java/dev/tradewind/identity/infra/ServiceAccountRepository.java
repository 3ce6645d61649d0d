package dev.tradewind.identity.infra;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The SQL of {@code identity.service_accounts}. */
public final class ServiceAccountRepository {
  private static final String INSERT = """
    INSERT INTO identity.service_accounts (id, name, role, secret_hash, created_at, created_by)
    VALUES ($1, $2, $3, $4, $5, $6)""";
  private static final String ACTIVE = """
    SELECT id, role, secret_hash FROM identity.service_accounts WHERE id = $1 AND disabled_at IS NULL""";
  private static final String DISABLE = """
    UPDATE identity.service_accounts SET disabled_at = $2 WHERE id = $1 AND disabled_at IS NULL""";

  public record Credential(UUID id, String role, byte[] secretHash) {
  }

  public Future<Void> insert(SqlClient tx, UUID id, String name, String role, byte[] secretHash, OffsetDateTime at,
                             UUID createdBy) {
    return tx.preparedQuery(INSERT).execute(Tuple.of(id, name, role, Buffer.buffer(secretHash), at, createdBy)).mapEmpty();
  }

  public Future<Credential> active(SqlClient client, UUID id) {
    return client.preparedQuery(ACTIVE).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row row = rows.iterator().next();
      return new Credential(row.getUUID(0), row.getString(1), row.getBuffer(2).getBytes());
    });
  }

  public Future<Boolean> disable(SqlClient tx, UUID id, OffsetDateTime at) {
    return tx.preparedQuery(DISABLE).execute(Tuple.of(id, at)).map(rows -> rows.rowCount() == 1);
  }
}
