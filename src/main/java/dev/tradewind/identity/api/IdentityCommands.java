package dev.tradewind.identity.api;

import dev.tradewind.identity.application.AuditTrail;
import dev.tradewind.identity.application.Merchants;
import dev.tradewind.identity.application.Merchants.NewMerchant;
import dev.tradewind.identity.application.RegisterAccount;
import dev.tradewind.identity.application.RegisterAccount.Outcome;
import dev.tradewind.identity.application.Revocations;
import dev.tradewind.identity.contract.AccountCreated;
import dev.tradewind.identity.contract.AuditEntry;
import dev.tradewind.identity.contract.AuditTrailContract;
import dev.tradewind.identity.contract.BuyerPreferences;
import dev.tradewind.identity.contract.GetBuyerPreferences;
import dev.tradewind.identity.contract.CreateAccount;
import dev.tradewind.identity.contract.IdentityContract;
import dev.tradewind.identity.contract.MerchantOpened;
import dev.tradewind.identity.contract.OpenMerchant;
import dev.tradewind.identity.infra.KeyRing;
import dev.tradewind.identity.domain.UserAccount;
import dev.tradewind.identity.infra.UserRepository;
import dev.tradewind.shared.bus.Bus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.util.List;
import java.util.Locale;

/** Event-bus commands and queries other parts of the platform send to identity. */
public final class IdentityCommands {
  private final Vertx vertx;
  private final Pool pool;
  private final RegisterAccount registerAccount;
  private final UserRepository users;
  private final Merchants merchants;
  private final KeyRing keys;
  private final Revocations revocations;
  private final AuditTrail audit;

  public IdentityCommands(Vertx vertx, Pool pool, RegisterAccount registerAccount, UserRepository users,
                          Merchants merchants, KeyRing keys, Revocations revocations, AuditTrail audit) {
    this.vertx = vertx;
    this.pool = pool;
    this.registerAccount = registerAccount;
    this.users = users;
    this.merchants = merchants;
    this.keys = keys;
    this.revocations = revocations;
    this.audit = audit;
  }

  public Future<Void> register() {
    var bus = vertx.eventBus();
    return Future.all(List.of(
      bus.<CreateAccount>consumer(IdentityContract.CREATE_ACCOUNT, this::createAccount).completion(),
      bus.<OpenMerchant>consumer(IdentityContract.OPEN_MERCHANT, this::openMerchant).completion(),
      bus.consumer(IdentityContract.PUBLIC_KEYS, message -> message.reply(keys.jwks())).completion(),
      bus.<GetBuyerPreferences>consumer(IdentityContract.BUYER_PREFERENCES, message -> Bus.answer(message,
        buyerPreferences(message.body().userId()))).completion(),
      bus.consumer(IdentityContract.RECENT_REVOCATIONS, message -> Bus.answer(message, revocations.recent())).completion(),
      bus.<AuditEntry>consumer(AuditTrailContract.RECORD, message -> Bus.answer(message,
        audit.record(message.body()).map(stored -> new JsonObject().put("seq", stored.seq())))).completion()
    )).mapEmpty();
  }

  private Future<BuyerPreferences> buyerPreferences(java.util.UUID userId) {
    return users.byId(pool, userId).map(user -> user == null || !UserAccount.ACTIVE.equals(user.status())
      ? BuyerPreferences.none(userId)
      : new BuyerPreferences(userId, user.country(), user.currency(), user.language()));
  }

  private void createAccount(Message<CreateAccount> message) {
    CreateAccount command = message.body();
    Bus.answer(message, registerAccount.register(command.email(), command.password(), command.name(), command.country(),
        command.currency(), command.language(), command.roles(), Bus.requestId(message))
      .compose(outcome -> created(command, outcome)));
  }

  private void openMerchant(Message<OpenMerchant> message) {
    OpenMerchant command = message.body();
    Bus.answer(message, merchants.openDirectly(command.ownerId(), new NewMerchant(command.legalName(), command.country(),
        command.defaultCurrency(), command.defaultLanguage()), Bus.requestId(message))
      .map(merchant -> new MerchantOpened(merchant.id(), false)));
  }

  private Future<AccountCreated> created(CreateAccount command, Outcome outcome) {
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
