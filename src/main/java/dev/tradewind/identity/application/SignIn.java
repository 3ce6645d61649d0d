package dev.tradewind.identity.application;

import dev.tradewind.shared.ratelimit.AttemptLimiter;
import dev.tradewind.identity.domain.UserAccount;
import dev.tradewind.identity.infra.LoginFailureRepository;
import dev.tradewind.identity.infra.PasswordHasher;
import dev.tradewind.identity.infra.UserRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Signs a user in with email and password. An unknown email, a wrong password and a deactivated account are
 * the same answer, after the same Argon2 work. Failed attempts are limited per client address (in memory, so
 * many people behind one address who sign in successfully are not held back) and every attempt per email (in
 * the database, so every instance sees it); each attempt is counted before its password is checked,
 * so parallel guesses cannot outrun the limit, and the attempt that reaches it locks the email for a while,
 * whether or not an account has it.
 */
public final class SignIn {
  private final Pool pool;
  private final UserRepository users;
  private final LoginFailureRepository failures;
  private final PasswordHasher hasher;
  private final SessionIssuer issuer;
  private final AuditTrail audit;
  private final IdentitySettings settings;
  private final AttemptLimiter perAddress;
  private final Clock clock;
  private final Future<String> decoyHash;

  public SignIn(Pool pool, UserRepository users, LoginFailureRepository failures, PasswordHasher hasher,
                SessionIssuer issuer, AuditTrail audit, IdentitySettings settings, Clock clock) {
    this.pool = pool;
    this.users = users;
    this.failures = failures;
    this.hasher = hasher;
    this.issuer = issuer;
    this.audit = audit;
    this.settings = settings;
    this.perAddress = new AttemptLimiter(settings.loginAttemptsPerAddressPerMinute(), clock);
    this.clock = clock;
    this.decoyHash = hasher.hash(SessionIssuer.randomToken());
  }

  /** What signing in can come to. */
  public sealed interface Outcome {
    record SignedIn(TokenPair tokens) implements Outcome {
    }

    record Refused() implements Outcome {
    }

    /** Refused without checking the password: too many attempts from the address, or the email is locked. */
    record Throttled(Duration retryAfter, boolean byAddress) implements Outcome {
    }
  }

  public Future<Outcome> signIn(String email, String password, String clientAddress, String requestId) {
    Duration wait = perAddress.exhausted(clientAddress);
    if (wait != null) {
      return Future.succeededFuture(new Outcome.Throttled(wait, true));
    }
    String normalized = email.trim().toLowerCase(Locale.ROOT);
    return attempt(normalized, password, clientAddress, requestId).onSuccess(outcome -> {
      if (!(outcome instanceof Outcome.SignedIn)) {
        perAddress.tryAcquire(clientAddress);
      }
    });
  }

  private Future<Outcome> attempt(String normalized, String password, String clientAddress, String requestId) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    int max = settings.loginMaxFailures();
    return failures.countAttempt(pool, normalized, now, settings.loginLockoutSeconds()).compose(attempt -> {
      if (attempt.lockedUntil() != null) {
        return Future.succeededFuture(throttled(now, attempt.lockedUntil()));
      }
      if (attempt.count() > max) {
        return failures.lock(pool, normalized, now, settings.loginLockoutSeconds()).map(until -> throttled(now, until));
      }
      return users.byEmail(pool, normalized).compose(user -> check(user, password)
        .compose(matches -> matches && user.active()
          ? succeed(user, password, normalized, clientAddress, requestId)
          : fail(user, normalized, attempt.count() >= max, clientAddress, requestId)));
    });
  }

  private Future<Boolean> check(UserAccount user, String password) {
    if (user == null) {
      return decoyHash.compose(hash -> hasher.verify(password, hash)).map(ignored -> false);
    }
    return hasher.verify(password, user.passwordHash());
  }

  private Future<Outcome> succeed(UserAccount user, String password, String email, String clientAddress,
                                  String requestId) {
    Instant now = clock.instant();
    return rehashIfWeak(user, password).compose(newHash -> pool.withTransaction(tx -> failures.clear(tx, email)
      .compose(v -> newHash == null ? Future.succeededFuture()
        : users.updatePasswordHash(tx, user.id(), newHash, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
      .compose(v -> issuer.start(tx, user, now, clientAddress))
      .compose(tokens -> audit.record(tx, AuditLog.byUser(user.id(), "auth.login.succeeded", "user", user.id(),
        clientAddress, requestId, newHash == null ? null : new JsonObject().put("passwordRehashed", true))).map(tokens))))
      .map(Outcome.SignedIn::new);
  }

  private Future<String> rehashIfWeak(UserAccount user, String password) {
    return hasher.needsRehash(user.passwordHash()) ? hasher.hash(password) : Future.succeededFuture(null);
  }

  /** The attempt was already counted; the one that reaches the limit locks the email. */
  private Future<Outcome> fail(UserAccount user, String email, boolean lastAllowed, String clientAddress,
                               String requestId) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    JsonObject details = new JsonObject().put("reason", user == null ? "unknown-email"
      : user.active() ? "wrong-password" : "account-" + user.status().toLowerCase(Locale.ROOT));
    return pool.withTransaction(tx -> (lastAllowed ? failures.lock(tx, email, now, settings.loginLockoutSeconds())
        : Future.<OffsetDateTime>succeededFuture())
      .compose(lockedUntil -> audit.record(tx, AuditLog.byUser(null, "auth.login.failed",
          user == null ? "unknown-account" : "user", user == null ? "-" : user.id(), clientAddress, requestId,
          details.put("lockedOut", lockedUntil != null)))
        .map(v -> lockedUntil)))
      .map(lockedUntil -> lockedUntil == null ? new Outcome.Refused() : throttled(now, lockedUntil));
  }

  private static Outcome throttled(OffsetDateTime now, OffsetDateTime until) {
    Duration wait = Duration.between(now, until);
    return new Outcome.Throttled(wait.isNegative() ? Duration.ofSeconds(1) : wait, false);
  }
}
