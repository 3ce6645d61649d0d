package dev.tradewind.identity.infra;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;

/**
 * The SQL of {@code identity.login_failures}: sign-in attempts per normalised email, known or not. Every attempt
 * is counted before its password is checked, atomically, so parallel guesses cannot slip past the limit; a
 * success clears the count.
 */
public final class LoginFailureRepository {
  private static final String FRESH =
    "(f.first_failed_at < $2::timestamptz - $3::bigint * interval '1 second' OR f.locked_until <= $2::timestamptz)";
  private static final String COUNT_ATTEMPT = """
    INSERT INTO identity.login_failures AS f (email_normalized, failures, first_failed_at, locked_until)
    VALUES ($1, 1, $2::timestamptz, NULL)
    ON CONFLICT (email_normalized) DO UPDATE SET
      failures = CASE WHEN %1$s THEN 1 ELSE f.failures + 1 END,
      first_failed_at = CASE WHEN %1$s THEN $2::timestamptz ELSE f.first_failed_at END,
      locked_until = CASE WHEN %1$s THEN NULL ELSE f.locked_until END
    RETURNING failures, locked_until""".formatted(FRESH);
  private static final String LOCK = """
    UPDATE identity.login_failures SET locked_until = $2::timestamptz + $3::bigint * interval '1 second'
    WHERE email_normalized = $1 RETURNING locked_until""";
  private static final String CLEAR = "DELETE FROM identity.login_failures WHERE email_normalized = $1";

  /** The attempts counted in the current window including this one, and the lock in force, if any. */
  public record Attempt(int count, OffsetDateTime lockedUntil) {
  }

  public Future<Attempt> countAttempt(SqlClient client, String email, OffsetDateTime now, long windowSeconds) {
    return client.preparedQuery(COUNT_ATTEMPT).execute(Tuple.of(email, now, windowSeconds)).map(rows -> {
      Row row = rows.iterator().next();
      OffsetDateTime lockedUntil = row.getOffsetDateTime("locked_until");
      return new Attempt(row.getInteger("failures"), lockedUntil != null && lockedUntil.isAfter(now) ? lockedUntil : null);
    });
  }

  /** Locks the email for {@code lockoutSeconds} from now; answers the lock's end. */
  public Future<OffsetDateTime> lock(SqlClient client, String email, OffsetDateTime now, long lockoutSeconds) {
    return client.preparedQuery(LOCK).execute(Tuple.of(email, now, lockoutSeconds))
      .map(rows -> rows.iterator().next().getOffsetDateTime(0));
  }

  public Future<Void> clear(SqlClient client, String email) {
    return client.preparedQuery(CLEAR).execute(Tuple.of(email)).mapEmpty();
  }
}
