package dev.tradewind.identity;

import dev.tradewind.identity.api.IdentityApi;
import dev.tradewind.identity.api.IdentityCommands;
import dev.tradewind.identity.application.RegisterAccount;
import dev.tradewind.identity.contract.IdentityContract;
import dev.tradewind.identity.domain.AccountRules;
import dev.tradewind.identity.infra.CommonPasswordList;
import dev.tradewind.identity.infra.PasswordHasher;
import dev.tradewind.identity.infra.UserRepository;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import dev.tradewind.shared.lifecycle.ContextVerticle;
import io.vertx.core.Future;

import java.time.Clock;

/** The identity context: accounts, credentials and (with its issue) sessions, roles and the audit trail. */
public final class IdentityVerticle extends ContextVerticle {
  @Override
  protected String context() {
    return IdentityContract.CONTEXT;
  }

  @Override
  protected Future<Void> wire(ContextRuntime runtime) {
    UserRepository users = new UserRepository();
    RegisterAccount registerAccount = new RegisterAccount(runtime, new AccountRules(CommonPasswordList.load()),
      new PasswordHasher(vertx), users, Clock.systemUTC());
    new IdentityApi(registerAccount).register(runtime.api());
    return new IdentityCommands(vertx, runtime.pool(), registerAccount, users).register();
  }
}
