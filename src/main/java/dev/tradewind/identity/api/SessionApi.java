package dev.tradewind.identity.api;

import dev.tradewind.identity.application.RefreshSession;
import dev.tradewind.identity.application.ServiceAccounts;
import dev.tradewind.identity.application.SignIn;
import dev.tradewind.identity.application.SignIn.Outcome;
import dev.tradewind.identity.application.SignOut;
import dev.tradewind.shared.api.ApiDispatcher;
import dev.tradewind.shared.api.ApiReply;
import dev.tradewind.shared.api.ApiRequest;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.auth.Permission;
import io.vertx.core.Future;

import java.util.UUID;

/** Signing in, refreshing and signing out. */
public final class SessionApi {
  private static final String REFUSED = "The email or password is wrong.";

  private final SignIn signIn;
  private final RefreshSession refresh;
  private final SignOut signOut;
  private final ServiceAccounts serviceAccounts;

  public SessionApi(SignIn signIn, RefreshSession refresh, SignOut signOut, ServiceAccounts serviceAccounts) {
    this.signIn = signIn;
    this.refresh = refresh;
    this.signOut = signOut;
    this.serviceAccounts = serviceAccounts;
  }

  public void register(ApiDispatcher api) {
    api.on("signIn", Permission.PUBLIC, this::signIn)
      .on("refreshSession", Permission.PUBLIC, this::refresh)
      .on("signOut", Permission.PUBLIC, this::signOut)
      .on("issueClientToken", Permission.PUBLIC, r -> serviceAccounts.token(r.body().getString("clientId"),
          r.body().getString("clientSecret"))
        .map(token -> token.map(pair -> ApiReply.ok(pair).withHeader("Cache-Control", "no-store"))
          .orElseGet(() -> ApiReply.problem(Problem.of(ProblemType.UNAUTHENTICATED, "The client credentials are not valid.")))));
  }

  private Future<ApiReply> signIn(ApiRequest request) {
    return signIn.signIn(request.body().getString("email"), request.body().getString("password"),
      request.clientAddress(), request.requestId()).map(SessionApi::reply);
  }

  private static ApiReply reply(Outcome outcome) {
    if (outcome instanceof Outcome.SignedIn signedIn) {
      return ApiReply.ok(signedIn.tokens()).withHeader("Cache-Control", "no-store");
    }
    if (outcome instanceof Outcome.Throttled throttled) {
      long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
      String detail = throttled.byAddress()
        ? "Too many sign-in attempts from your address; try again in " + seconds + " seconds."
        : "Too many failed sign-ins for this email; try again in " + seconds + " seconds.";
      return ApiReply.problem(Problem.of(ProblemType.TOO_MANY_REQUESTS, detail))
        .withHeader("Retry-After", String.valueOf(seconds));
    }
    return ApiReply.problem(Problem.of(ProblemType.UNAUTHENTICATED, REFUSED));
  }

  private Future<ApiReply> refresh(ApiRequest request) {
    return refresh.refresh(request.body().getString("refreshToken"), request.clientAddress(), request.requestId())
      .map(tokens -> tokens.map(pair -> ApiReply.ok(pair).withHeader("Cache-Control", "no-store"))
        .orElseGet(() -> ApiReply.problem(Problem.of(ProblemType.UNAUTHENTICATED,
          "The refresh token is not valid; sign in again."))));
  }

  private Future<ApiReply> signOut(ApiRequest request) {
    var caller = request.caller();
    UUID session = uuidOrNull(caller.sessionId());
    return signOut.signOut(request.body().getString("refreshToken"), session,
        session == null ? null : UUID.fromString(caller.userId()))
      .map(v -> ApiReply.noContent());
  }

  /** Service accounts' tokens name no stored session; only a person's session can be ended here. */
  private static UUID uuidOrNull(String value) {
    try {
      return value == null ? null : UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
