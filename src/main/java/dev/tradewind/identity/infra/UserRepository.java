package dev.tradewind.identity.infra;

import dev.tradewind.identity.domain.NewAccount;
import dev.tradewind.identity.domain.UserAccount;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/** The SQL of the {@code identity.users} table. */
public final class UserRepository {
  private static final String INSERT = """
    INSERT INTO identity.users (id, email, email_normalized, name, country, currency, language, password_hash,
                                roles, status, created_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'ACTIVE', $10, $10)
    ON CONFLICT (email_normalized) DO NOTHING""";
  private static final String ID_BY_EMAIL = "SELECT id FROM identity.users WHERE email_normalized = $1";
  private static final String SELECT = """
    SELECT u.id, u.email, u.name, u.country, u.currency, u.language, u.phone, u.roles, u.status, u.password_hash,
           u.created_at, m.merchant_id, m.role AS merchant_role
    FROM identity.users u
    LEFT JOIN identity.merchant_members m ON m.user_id = u.id
    """;
  private static final String BY_EMAIL = SELECT + " WHERE u.email_normalized = $1";
  private static final String BY_ID = SELECT + " WHERE u.id = $1";
  private static final String LOCK = BY_ID + " FOR UPDATE OF u";
  private static final String UPDATE_HASH = "UPDATE identity.users SET password_hash = $2, updated_at = $3 WHERE id = $1";
  private static final String UPDATE_PROFILE = """
    UPDATE identity.users SET name = $2, country = $3, currency = $4, language = $5, phone = $6, updated_at = $7
    WHERE id = $1 AND status = 'ACTIVE'""";
  private static final String DEACTIVATE = """
    UPDATE identity.users SET status = 'DEACTIVATED', deactivated_at = $2, updated_at = $2
    WHERE id = $1 AND status = 'ACTIVE'""";
  private static final String ERASE = """
    UPDATE identity.users SET email = 'erased-' || id || '@erased.invalid', email_normalized = 'erased-' || id,
      name = 'Erased user', phone = NULL, password_hash = $2, status = 'ERASED', erased_at = $3, updated_at = $3
    WHERE id = $1 AND status <> 'ERASED'""";

  /** Inserts the account; answers false when the email (in any letter case) is already registered. */
  public Future<Boolean> insert(SqlClient tx, UUID id, NewAccount account, String passwordHash, OffsetDateTime now) {
    String[] roles = account.roles().stream().map(Enum::name).sorted().toArray(String[]::new);
    return tx.preparedQuery(INSERT)
      .execute(Tuple.from(new Object[]{id, account.email(), account.normalizedEmail(), account.name(), account.country(),
        account.currency(), account.language(), passwordHash, roles, now}))
      .map(rows -> rows.rowCount() == 1);
  }

  public Future<UUID> idByEmail(SqlClient conn, String normalizedEmail) {
    return conn.preparedQuery(ID_BY_EMAIL).execute(Tuple.of(normalizedEmail))
      .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("id"));
  }

  public Future<UserAccount> byEmail(SqlClient client, String normalizedEmail) {
    return client.preparedQuery(BY_EMAIL).execute(Tuple.of(normalizedEmail))
      .map(rows -> rows.size() == 0 ? null : account(rows.iterator().next()));
  }

  public Future<UserAccount> byId(SqlClient client, UUID id) {
    return client.preparedQuery(BY_ID).execute(Tuple.of(id))
      .map(rows -> rows.size() == 0 ? null : account(rows.iterator().next()));
  }

  /** The user, locked for the rest of the transaction. */
  public Future<UserAccount> lock(SqlClient tx, UUID id) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id))
      .map(rows -> rows.size() == 0 ? null : account(rows.iterator().next()));
  }

  public Future<Void> updatePasswordHash(SqlClient client, UUID id, String hash, OffsetDateTime now) {
    return client.preparedQuery(UPDATE_HASH).execute(Tuple.of(id, hash, now)).mapEmpty();
  }

  public Future<Boolean> updateProfile(SqlClient client, UUID id, String name, String country, String currency,
                                       String language, String phone, OffsetDateTime now) {
    return client.preparedQuery(UPDATE_PROFILE)
      .execute(Tuple.from(new Object[]{id, name, country, currency, language, phone, now}))
      .map(rows -> rows.rowCount() == 1);
  }

  public Future<Boolean> deactivate(SqlClient client, UUID id, OffsetDateTime now) {
    return client.preparedQuery(DEACTIVATE).execute(Tuple.of(id, now)).map(rows -> rows.rowCount() == 1);
  }

  /** Replaces every personal field; the row stays so that orders and the audit trail still point somewhere. */
  public Future<Boolean> erase(SqlClient client, UUID id, String unusableHash, OffsetDateTime now) {
    return client.preparedQuery(ERASE).execute(Tuple.of(id, unusableHash, now)).map(rows -> rows.rowCount() == 1);
  }

  private static UserAccount account(Row row) {
    return new UserAccount(row.getUUID("id"), row.getString("email"), row.getString("name"),
      row.getString("country"), row.getString("currency"), row.getString("language"), row.getString("phone"),
      Arrays.asList(row.getArrayOfStrings("roles")), row.getString("status"), row.getString("password_hash"),
      row.getUUID("merchant_id"), row.getString("merchant_role"), row.getOffsetDateTime("created_at").toInstant());
  }
}
