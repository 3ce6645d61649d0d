package dev.tradewind.identity.infra;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;

/** The SQL of {@code identity.login_failures}: failed sign-ins per normalised email, known or not. */
public final class LoginFailureRepository {
  private static final String LOCKED_UNTIL = """
    SELECT locked_until FROM identity.login_failures WHERE email_normalized = $1 AND locked_until > $2""";
  private static final String FRESH = "(f.first_failed_at < $2::timestamptz - $4::bigint * interval '1 second' OR f.locked_until <= $2::timestamptz)";
  private static final String RECORD = """
    INSERT INTO identity.login_failures AS f (email_normalized, failures, first_failed_at, locked_until)
    VALUES ($1, 1, $2::timestamptz, CASE WHEN $3::int <= 1 THEN $2::timestamptz + $4::bigint * interval '1 second' END)
    ON CONFLICT (email_normalized) DO UPDATE SET
      failures = CASE WHEN %1$s THEN 1 ELSE f.failures + 1 END,
      first_failed_at = CASE WHEN %1$s THEN $2::timestamptz ELSE f.first_failed_at END,
      locked_until = CASE WHEN (CASE WHEN %1$s THEN 1 ELSE f.failures + 1 END) >= $3::int
                          THEN $2::timestamptz + $4::bigint * interval '1 second' END
    RETURNING locked_until""".formatted(FRESH);
  private static final String CLEAR = "DELETE FROM identity.login_failures WHERE email_normalized = $1";

  /** When the email is locked out now, until when; otherwise null. */
  public Future<OffsetDateTime> lockedUntil(SqlClient client, String email, OffsetDateTime now) {
    return client.preparedQuery(LOCKED_UNTIL).execute(Tuple.of(email, now))
      .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getOffsetDateTime(0));
  }

  /**
   * Counts one failure within the window of {@code lockoutSeconds}; the failure that reaches
   * {@code maxFailures} locks the email for that long. Answers the lock's end, or null if not locked.
   */
  public Future<OffsetDateTime> recordFailure(SqlClient client, String email, OffsetDateTime now, int maxFailures,
                                              long lockoutSeconds) {
    return client.preparedQuery(RECORD).execute(Tuple.of(email, now, maxFailures, lockoutSeconds))
      .map(rows -> rows.iterator().next().getOffsetDateTime(0));
  }

  public Future<Void> clear(SqlClient client, String email) {
    return client.preparedQuery(CLEAR).execute(Tuple.of(email)).mapEmpty();
  }
}
