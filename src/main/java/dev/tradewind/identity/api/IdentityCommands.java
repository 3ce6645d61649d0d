package dev.tradewind.identity.api;

import dev.tradewind.identity.application.RegisterAccount;
import dev.tradewind.identity.application.RegisterAccount.Outcome;
import dev.tradewind.identity.contract.AccountCreated;
import dev.tradewind.identity.contract.CreateAccount;
import dev.tradewind.identity.contract.IdentityContract;
import dev.tradewind.identity.infra.UserRepository;
import dev.tradewind.shared.bus.Bus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.sqlclient.Pool;

import java.util.Locale;

/** Event-bus commands other parts of the platform send to identity. */
public final class IdentityCommands {
  private final Vertx vertx;
  private final Pool pool;
  private final RegisterAccount registerAccount;
  private final UserRepository users;

  public IdentityCommands(Vertx vertx, Pool pool, RegisterAccount registerAccount, UserRepository users) {
    this.vertx = vertx;
    this.pool = pool;
    this.registerAccount = registerAccount;
    this.users = users;
  }

  public Future<Void> register() {
    return vertx.eventBus().<CreateAccount>consumer(IdentityContract.CREATE_ACCOUNT, this::createAccount).completion();
  }

  private void createAccount(Message<CreateAccount> message) {
    CreateAccount command = message.body();
    registerAccount.register(command.email(), command.password(), command.name(), command.country(),
        command.currency(), command.language(), command.roles(), Bus.requestId(message))
      .compose(outcome -> answer(command, outcome))
      .onSuccess(message::reply)
      .onFailure(failure -> message.fail(500, failure.getMessage()));
  }

  private Future<AccountCreated> answer(CreateAccount command, Outcome outcome) {
    if (outcome instanceof Outcome.Registered registered) {
      return Future.succeededFuture(new AccountCreated(registered.account().id(), false));
    }
    if (outcome instanceof Outcome.Invalid invalid) {
      return Future.failedFuture(new IllegalArgumentException("invalid account " + invalid.violations()));
    }
    return pool.withConnection(conn -> users.idByEmail(conn, command.email().trim().toLowerCase(Locale.ROOT)))
      .map(id -> new AccountCreated(id, true));
  }
}
