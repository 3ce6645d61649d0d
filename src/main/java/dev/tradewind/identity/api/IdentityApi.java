package dev.tradewind.identity.api;

import dev.tradewind.identity.application.RegisterAccount;
import dev.tradewind.identity.application.RegisterAccount.Outcome;
import dev.tradewind.shared.auth.Role;
import dev.tradewind.shared.api.ApiDispatcher;
import dev.tradewind.shared.api.ApiReply;
import dev.tradewind.shared.api.ApiRequest;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.Problem.FieldError;
import dev.tradewind.shared.api.ProblemType;
import dev.tradewind.shared.auth.Permission;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/** The identity context's HTTP operations: parse, call the use case, answer. */
public final class IdentityApi {
  private final RegisterAccount registerAccount;

  public IdentityApi(RegisterAccount registerAccount) {
    this.registerAccount = registerAccount;
  }

  public void register(ApiDispatcher api) {
    api.on("registerAccount", Permission.PUBLIC, this::registerAccount);
  }

  private Future<ApiReply> registerAccount(ApiRequest request) {
    JsonObject body = request.body();
    return registerAccount.register(body.getString("email"), body.getString("password"), body.getString("name"),
        body.getString("country"), body.getString("currency"), body.getString("language"), Set.of(Role.BUYER),
        request.requestId())
      .map(IdentityApi::reply);
  }

  private static ApiReply reply(Outcome outcome) {
    if (outcome instanceof Outcome.Registered registered) {
      return ApiReply.created("/api/v1/users/" + registered.account().id(), registered.account());
    }
    if (outcome instanceof Outcome.Invalid invalid) {
      return ApiReply.problem(Problem.invalid("The account details break the rules.",
        invalid.violations().stream().map(v -> new FieldError(v.field(), v.rule(), v.message())).toList()));
    }
    return ApiReply.problem(Problem.of(ProblemType.CONFLICT, "An account with this email already exists."));
  }
}
