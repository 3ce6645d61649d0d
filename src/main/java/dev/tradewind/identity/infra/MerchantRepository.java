package dev.tradewind.identity.infra;

import dev.tradewind.identity.domain.Merchant;
import dev.tradewind.identity.domain.StaffMember;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The SQL of merchant organisations, their members and staff invitations. */
public final class MerchantRepository {
  private static final String COLUMNS = """
    id, legal_name, country, default_currency, default_language, status, owner_id, applied_at, decided_at,
    decided_by, rejection_reason""";
  private static final String INSERT = """
    INSERT INTO identity.merchants (id, legal_name, country, default_currency, default_language, status, owner_id, applied_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING""";
  private static final String BY_ID = "SELECT " + COLUMNS + " FROM identity.merchants WHERE id = $1";
  private static final String LOCK = BY_ID + " FOR UPDATE";
  private static final String OPEN_BY_OWNER = "SELECT " + COLUMNS
    + " FROM identity.merchants WHERE owner_id = $1 AND status IN ('PENDING', 'APPROVED')";
  private static final String BY_STATUS = "SELECT " + COLUMNS
    + " FROM identity.merchants WHERE status = $1 ORDER BY applied_at, id LIMIT $2";
  private static final String DECIDE = """
    UPDATE identity.merchants SET status = $2, decided_at = $3, decided_by = $4, rejection_reason = $5,
      version = version + 1
    WHERE id = $1 AND status = 'PENDING'""";
  private static final String ADD_MEMBER = """
    INSERT INTO identity.merchant_members (user_id, merchant_id, role, joined_at) VALUES ($1, $2, $3, $4)
    ON CONFLICT (user_id) DO NOTHING""";
  private static final String MEMBERSHIP = "SELECT merchant_id, role FROM identity.merchant_members WHERE user_id = $1";
  private static final String STAFF = """
    SELECT m.user_id, u.name, u.email, m.role, m.joined_at FROM identity.merchant_members m
    JOIN identity.users u ON u.id = m.user_id WHERE m.merchant_id = $1 ORDER BY m.joined_at, m.user_id""";
  private static final String CHANGE_ROLE = """
    WITH previous AS (
      SELECT user_id, role FROM identity.merchant_members
      WHERE merchant_id = $1 AND user_id = $2 AND role <> 'MERCHANT_OWNER' FOR UPDATE)
    UPDATE identity.merchant_members m SET role = $3 FROM previous WHERE m.user_id = previous.user_id
    RETURNING previous.role""";
  private static final String REMOVE = """
    DELETE FROM identity.merchant_members WHERE merchant_id = $1 AND user_id = $2 AND role <> 'MERCHANT_OWNER'""";
  private static final String INVITE = """
    INSERT INTO identity.staff_invitations (id, merchant_id, email_normalized, role, token_hash, invited_by, created_at, expires_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""";
  private static final String LOCK_INVITATION = """
    SELECT id, merchant_id, email_normalized, role, expires_at, accepted_at FROM identity.staff_invitations
    WHERE token_hash = $1 FOR UPDATE""";
  private static final String ACCEPT = "UPDATE identity.staff_invitations SET accepted_at = $2, accepted_by = $3 WHERE id = $1";

  public record Membership(UUID merchantId, String role) {
  }

  public record Invitation(UUID id, UUID merchantId, String email, String role, OffsetDateTime expiresAt,
                           OffsetDateTime acceptedAt) {
  }

  public Future<Boolean> insert(SqlClient tx, Merchant m) {
    return tx.preparedQuery(INSERT).execute(Tuple.from(new Object[]{m.id(), m.legalName(), m.country(),
        m.defaultCurrency(), m.defaultLanguage(), m.status(), m.ownerId(), utc(m.appliedAt())}))
      .map(rows -> rows.rowCount() == 1);
  }

  public Future<Merchant> byId(SqlClient client, UUID id) {
    return client.preparedQuery(BY_ID).execute(Tuple.of(id)).map(MerchantRepository::first);
  }

  public Future<Merchant> lock(SqlClient tx, UUID id) {
    return tx.preparedQuery(LOCK).execute(Tuple.of(id)).map(MerchantRepository::first);
  }

  public Future<Merchant> openApplicationOf(SqlClient client, UUID ownerId) {
    return client.preparedQuery(OPEN_BY_OWNER).execute(Tuple.of(ownerId)).map(MerchantRepository::first);
  }

  public Future<List<Merchant>> byStatus(SqlClient client, String status, int limit) {
    return client.preparedQuery(BY_STATUS).execute(Tuple.of(status, limit)).map(rows -> {
      List<Merchant> out = new ArrayList<>();
      rows.forEach(row -> out.add(merchant(row)));
      return out;
    });
  }

  public Future<Boolean> decide(SqlClient tx, UUID id, String status, OffsetDateTime at, UUID by, String reason) {
    return tx.preparedQuery(DECIDE).execute(Tuple.of(id, status, at, by, reason)).map(rows -> rows.rowCount() == 1);
  }

  /** Adds the member; false when the user already works for a merchant. */
  public Future<Boolean> addMember(SqlClient tx, UUID userId, UUID merchantId, String role, OffsetDateTime at) {
    return tx.preparedQuery(ADD_MEMBER).execute(Tuple.of(userId, merchantId, role, at)).map(rows -> rows.rowCount() == 1);
  }

  public Future<Membership> membershipOf(SqlClient client, UUID userId) {
    return client.preparedQuery(MEMBERSHIP).execute(Tuple.of(userId)).map(rows -> rows.size() == 0 ? null
      : new Membership(rows.iterator().next().getUUID(0), rows.iterator().next().getString(1)));
  }

  public Future<List<StaffMember>> staff(SqlClient client, UUID merchantId) {
    return client.preparedQuery(STAFF).execute(Tuple.of(merchantId)).map(rows -> {
      List<StaffMember> out = new ArrayList<>();
      rows.forEach(row -> out.add(new StaffMember(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3),
        row.getOffsetDateTime(4).toInstant())));
      return out;
    });
  }

  /** Changes a non-owner member's role; answers the previous role, or null when there is no such member. */
  public Future<String> changeRole(SqlClient tx, UUID merchantId, UUID userId, String role) {
    return tx.preparedQuery(CHANGE_ROLE).execute(Tuple.of(merchantId, userId, role))
      .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
  }

  public Future<Boolean> removeMember(SqlClient tx, UUID merchantId, UUID userId) {
    return tx.preparedQuery(REMOVE).execute(Tuple.of(merchantId, userId)).map(rows -> rows.rowCount() == 1);
  }

  public Future<Void> invite(SqlClient tx, Invitation invitation, byte[] tokenHash, UUID invitedBy, OffsetDateTime at) {
    return tx.preparedQuery(INVITE).execute(Tuple.from(new Object[]{invitation.id(), invitation.merchantId(),
      invitation.email(), invitation.role(), Buffer.buffer(tokenHash), invitedBy, at, invitation.expiresAt()})).mapEmpty();
  }

  public Future<Invitation> lockInvitation(SqlClient tx, byte[] tokenHash) {
    return tx.preparedQuery(LOCK_INVITATION).execute(Tuple.of(Buffer.buffer(tokenHash))).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row row = rows.iterator().next();
      return new Invitation(row.getUUID(0), row.getUUID(1), row.getString(2), row.getString(3),
        row.getOffsetDateTime(4), row.getOffsetDateTime(5));
    });
  }

  public Future<Void> accept(SqlClient tx, UUID invitationId, OffsetDateTime at, UUID userId) {
    return tx.preparedQuery(ACCEPT).execute(Tuple.of(invitationId, at, userId)).mapEmpty();
  }

  private static Merchant first(RowSet<Row> rows) {
    return rows.size() == 0 ? null : merchant(rows.iterator().next());
  }

  private static Merchant merchant(Row row) {
    OffsetDateTime decided = row.getOffsetDateTime("decided_at");
    return new Merchant(row.getUUID("id"), row.getString("legal_name"), row.getString("country"),
      row.getString("default_currency"), row.getString("default_language"), row.getString("status"),
      row.getUUID("owner_id"), row.getOffsetDateTime("applied_at").toInstant(),
      decided == null ? null : decided.toInstant(), row.getUUID("decided_by"), row.getString("rejection_reason"));
  }

  private static OffsetDateTime utc(java.time.Instant instant) {
    return OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
  }
}
