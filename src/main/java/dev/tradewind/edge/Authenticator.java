package dev.tradewind.edge;

import dev.tradewind.identity.contract.IdentityContract;
import dev.tradewind.identity.contract.RecentRevocations;
import dev.tradewind.identity.contract.SessionsRevoked;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.auth.AccessClaims;
import dev.tradewind.shared.auth.InvalidTokenException;
import dev.tradewind.shared.auth.JwtSettings;
import dev.tradewind.shared.auth.Permission;
import dev.tradewind.shared.auth.TokenVerifier;
import dev.tradewind.shared.bus.Bus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import dev.tradewind.shared.ratelimit.AttemptLimiter;

import java.time.Clock;
import java.time.Duration;

/**
 * Establishes the {@link Caller} of each request from its bearer token and refuses what the operation's
 * permission does not allow: 401 for a missing, invalid, expired or revoked token, 403 for a valid token
 * whose roles fall short. A public operation treats a bad token as no token, so a client holding an expired
 * access token can still refresh it and browse. Public keys and revocations come from the identity context over the event bus.
 */
final class Authenticator {
  private static final String BEARER = "bearer ";

  private final RevocationList revocations;
  private final VerifiedTokens verified;
  private final AttemptLimiter invalidTokens;
  private TokenVerifier verifier;
  private JsonObject jwks;

  private Authenticator(RevocationList revocations, VerifiedTokens verified, Clock clock, int invalidTokensPerMinute) {
    this.invalidTokens = new AttemptLimiter(invalidTokensPerMinute, clock);
    this.revocations = revocations;
    this.verified = verified;
  }

  static Future<Authenticator> start(Vertx vertx, JwtSettings settings, Clock clock, int invalidTokensPerMinute) {
    Authenticator authenticator = new Authenticator(RevocationList.of(vertx, clock),
      VerifiedTokens.of(vertx, clock, settings.clockSkew()), clock, invalidTokensPerMinute);
    var keysChanged = vertx.eventBus().<JsonObject>consumer(IdentityContract.PUBLIC_KEYS_CHANGED,
      message -> authenticator.useKeys(message.body()));
    var revoked = vertx.eventBus().<SessionsRevoked>consumer(IdentityContract.SESSIONS_REVOKED,
      message -> authenticator.revocations.add(message.body()));
    return Future.all(keysChanged.completion(), revoked.completion())
      .compose(v -> Bus.<JsonObject>request(vertx, IdentityContract.PUBLIC_KEYS, null, null))
      .map(jwks -> {
        authenticator.verifier = new TokenVerifier(settings, clock, jwks);
        authenticator.jwks = jwks;
        return jwks;
      })
      .compose(v -> Bus.<RecentRevocations>request(vertx, IdentityContract.RECENT_REVOCATIONS, null, null))
      .map(recent -> {
        recent.revocations().forEach(authenticator.revocations::add);
        return authenticator;
      });
  }

  /** The caller, or null after answering the request with a problem. */
  Caller authenticate(RoutingContext ctx, Permission needed) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null) {
      if (needed == Permission.PUBLIC) {
        return Caller.ANONYMOUS;
      }
      return refuse(ctx, "Sign in: this operation needs a bearer access token.");
    }
    if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return refuse(ctx, "The Authorization header must use the Bearer scheme.");
    }
    String token = header.substring(BEARER.length()).trim();
    String address = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
    Duration wait = verified.known(token) ? null : invalidTokens.exhausted(address);
    if (wait != null) {
      // Signature checks cost about a millisecond of event-loop time; an address that keeps sending bad tokens
      // does not get to spend it. Tokens already verified are still served.
      long seconds = Math.max(1, wait.toSeconds());
      ctx.response().putHeader("Retry-After", String.valueOf(seconds));
      ProblemResponder.send(ctx, Problem.of(ProblemType.TOO_MANY_REQUESTS,
        "Too many invalid access tokens from your address; try again in " + seconds + " seconds."));
      return null;
    }
    AccessClaims claims;
    try {
      claims = verified.verify(token, verifier);
    } catch (InvalidTokenException e) {
      invalidTokens.tryAcquire(address);
      return needed == Permission.PUBLIC ? Caller.ANONYMOUS
        : refuse(ctx, "The access token is not valid (" + e.reason() + ").");
    }
    if (revocations.revoked(claims)) {
      return needed == Permission.PUBLIC ? Caller.ANONYMOUS : refuse(ctx, "The session of this access token has ended.");
    }
    Caller caller = new Caller(claims.subject(), claims.sessionId(), claims.roles(), claims.merchantId());
    if (!caller.may(needed)) {
      ProblemResponder.send(ctx, Problem.of(ProblemType.FORBIDDEN, "Your roles do not allow this operation."));
      return null;
    }
    return caller;
  }

  private Caller refuse(RoutingContext ctx, String detail) {
    ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"tradewind\"");
    ProblemResponder.send(ctx, Problem.of(ProblemType.UNAUTHENTICATED, detail));
    return null;
  }

  private void useKeys(JsonObject keys) {
    if (verifier != null) {
      verifier = verifier.withKeys(keys);
      verified.clear();
      jwks = keys;
    }
  }

  /** The public keys tokens are verified with, as published at {@code /.well-known/jwks.json}. */
  JsonObject jwks() {
    return jwks;
  }
}
