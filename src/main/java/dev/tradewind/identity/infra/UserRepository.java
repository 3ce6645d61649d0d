package dev.tradewind.identity.infra;

import dev.tradewind.identity.domain.NewAccount;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The SQL of the {@code identity.users} table. */
public final class UserRepository {
  private static final String INSERT = """
    INSERT INTO identity.users (id, email, email_normalized, name, country, currency, language, password_hash,
                                roles, status, created_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'ACTIVE', $10, $10)
    ON CONFLICT (email_normalized) DO NOTHING""";
  private static final String ID_BY_EMAIL = "SELECT id FROM identity.users WHERE email_normalized = $1";

  /** Inserts the account; answers false when the email (in any letter case) is already registered. */
  public Future<Boolean> insert(SqlConnection tx, UUID id, NewAccount account, String passwordHash, OffsetDateTime now) {
    String[] roles = account.roles().stream().map(Enum::name).sorted().toArray(String[]::new);
    return tx.preparedQuery(INSERT)
      .execute(Tuple.from(new Object[]{id, account.email(), account.normalizedEmail(), account.name(), account.country(),
        account.currency(), account.language(), passwordHash, roles, now}))
      .map(rows -> rows.rowCount() == 1);
  }

  public Future<UUID> idByEmail(SqlConnection conn, String normalizedEmail) {
    return conn.preparedQuery(ID_BY_EMAIL).execute(Tuple.of(normalizedEmail))
      .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("id"));
  }
}
