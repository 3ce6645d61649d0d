package dev.tradewind.identity.application;

import dev.tradewind.identity.infra.KeyRing;
import dev.tradewind.identity.infra.ServiceAccountRepository;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.auth.AccessClaims;
import dev.tradewind.shared.auth.ObjectAccess;
import dev.tradewind.shared.auth.Role;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Machine accounts of logistics partners and payment providers. They sign in with a client id and secret
 * (client credentials), never a password, and get an access token only: no refresh token, no session to keep.
 * Disabling one voids its tokens at once.
 */
public final class ServiceAccounts {
  private final Pool pool;
  private final ServiceAccountRepository accounts;
  private final KeyRing keys;
  private final IdentitySettings settings;
  private final Revocations revocations;
  private final AuditTrail audit;
  private final Clock clock;

  public ServiceAccounts(Pool pool, ServiceAccountRepository accounts, KeyRing keys, IdentitySettings settings,
                         Revocations revocations, AuditTrail audit, Clock clock) {
    this.pool = pool;
    this.accounts = accounts;
    this.keys = keys;
    this.settings = settings;
    this.revocations = revocations;
    this.audit = audit;
    this.clock = clock;
  }

  /** What an admin is shown once: the secret is never stored or shown again. */
  public record IssuedCredential(UUID clientId, String clientSecret, String name, String role) {
  }

  public Future<IssuedCredential> create(UUID adminId, String name, String role, String clientAddress, String requestId) {
    Role parsed = Role.parse(role);
    if (parsed == null || parsed.kind() != Role.Kind.SERVICE) {
      throw new ProblemException(Problem.invalidField("/role", "enum", "role must be LOGISTICS_PARTNER or PAYMENT_PROVIDER"));
    }
    UUID id = UUID.randomUUID();
    String secret = SessionIssuer.randomToken();
    return pool.withTransaction(tx -> accounts.insert(tx, id, name.trim(), parsed.name(), SessionIssuer.hash(secret),
          utc(clock.instant()), adminId)
        .compose(v -> audit.record(tx, AuditLog.byUser(adminId, "service-account.created", "service-account", id,
          clientAddress, requestId, new JsonObject().put("role", parsed.name())))))
      .map(v -> new IssuedCredential(id, secret, name.trim(), parsed.name()));
  }

  public Future<Void> disable(UUID adminId, UUID id, String clientAddress, String requestId) {
    return pool.withTransaction(tx -> accounts.disable(tx, id, utc(clock.instant())).compose(disabled -> {
        if (!disabled) {
          throw ObjectAccess.notFound("active service account");
        }
        return revocations.voidAllAccessTokens(tx, id).compose(revoked -> audit.record(tx, AuditLog.byUser(adminId,
          "service-account.disabled", "service-account", id, clientAddress, requestId, null)).map(revoked));
      }))
      .onSuccess(revocations::announce)
      .mapEmpty();
  }

  /** An access token for valid client credentials; empty otherwise (unknown, disabled or wrong secret alike). */
  public Future<Optional<TokenPair>> token(String clientId, String clientSecret) {
    UUID id;
    try {
      id = UUID.fromString(clientId);
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(Optional.empty());
    }
    byte[] presented = SessionIssuer.hash(clientSecret);
    return accounts.active(pool, id).map(account -> {
      if (account == null || !MessageDigest.isEqual(account.secretHash(), presented)) {
        return Optional.empty();
      }
      Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      AccessClaims claims = new AccessClaims(id.toString(), "client-" + UUID.randomUUID(), Set.of(account.role()), null,
        issuedAt, issuedAt.plus(settings.jwt().accessTtl()), UUID.randomUUID().toString());
      return Optional.of(new TokenPair(keys.sign(claims), null, "Bearer", settings.jwt().accessTtl().toSeconds()));
    });
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
