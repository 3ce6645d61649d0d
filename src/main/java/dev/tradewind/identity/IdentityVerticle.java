package dev.tradewind.identity;

import dev.tradewind.identity.api.AccountApi;
import dev.tradewind.identity.api.AdminApi;
import dev.tradewind.identity.api.IdentityApi;
import dev.tradewind.identity.api.IdentityCommands;
import dev.tradewind.identity.api.MerchantApi;
import dev.tradewind.identity.api.SessionApi;
import dev.tradewind.identity.application.Accounts;
import dev.tradewind.identity.application.Addresses;
import dev.tradewind.identity.application.AuditReports;
import dev.tradewind.identity.application.AuditTrail;
import dev.tradewind.identity.application.IdentitySettings;
import dev.tradewind.identity.application.Merchants;
import dev.tradewind.identity.application.RefreshSession;
import dev.tradewind.identity.application.RegisterAccount;
import dev.tradewind.identity.application.Revocations;
import dev.tradewind.identity.application.ServiceAccounts;
import dev.tradewind.identity.application.SessionIssuer;
import dev.tradewind.identity.application.SignIn;
import dev.tradewind.identity.application.SignOut;
import dev.tradewind.identity.contract.IdentityContract;
import dev.tradewind.identity.domain.AccountRules;
import dev.tradewind.identity.infra.AddressRepository;
import dev.tradewind.identity.infra.AuditRepository;
import dev.tradewind.identity.infra.CommonPasswordList;
import dev.tradewind.identity.infra.KeyRing;
import dev.tradewind.identity.infra.LoginFailureRepository;
import dev.tradewind.identity.infra.MerchantRepository;
import dev.tradewind.identity.infra.PasswordHasher;
import dev.tradewind.identity.infra.ServiceAccountRepository;
import dev.tradewind.identity.infra.SessionRepository;
import dev.tradewind.identity.infra.UserRepository;
import dev.tradewind.shared.kafka.KafkaEventConsumer;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import dev.tradewind.shared.lifecycle.ContextVerticle;
import io.vertx.core.Future;

import java.time.Clock;

/** The identity context: accounts, sessions and tokens, merchants and staff, addresses, privacy and the audit trail. */
public final class IdentityVerticle extends ContextVerticle {
  @Override
  protected String context() {
    return IdentityContract.CONTEXT;
  }

  @Override
  protected Future<Void> wire(ContextRuntime runtime) {
    Clock clock = Clock.systemUTC();
    IdentitySettings settings = IdentitySettings.from(runtime.config());
    return KeyRing.open(vertx, settings.signingKeysFile(), settings.jwt(), clock)
      .compose(keys -> wire(runtime, settings, keys, clock));
  }

  private Future<Void> wire(ContextRuntime runtime, IdentitySettings settings, KeyRing keys, Clock clock) {
    var pool = runtime.pool();
    UserRepository users = new UserRepository();
    SessionRepository sessions = new SessionRepository();
    AddressRepository addressBook = new AddressRepository();
    PasswordHasher hasher = new PasswordHasher(vertx);
    AccountRules rules = new AccountRules(CommonPasswordList.load());
    AuditTrail audit = new AuditTrail(pool, new AuditRepository(), clock);
    Revocations revocations = new Revocations(vertx, pool, sessions, settings, clock);
    SessionIssuer issuer = new SessionIssuer(settings, keys, sessions);
    RegisterAccount registerAccount = new RegisterAccount(runtime, rules, hasher, users, clock);
    Merchants merchants = new Merchants(runtime, new MerchantRepository(), users, revocations, audit, clock);
    Accounts accounts = new Accounts(runtime, users, addressBook, rules, hasher, revocations, audit, clock);
    ServiceAccounts serviceAccounts = new ServiceAccounts(pool, new ServiceAccountRepository(), keys, settings,
      revocations, audit, clock);

    new IdentityApi(registerAccount).register(runtime.api());
    new SessionApi(new SignIn(pool, users, new LoginFailureRepository(), hasher, issuer, audit, settings, clock),
      new RefreshSession(pool, sessions, users, issuer, revocations, audit, clock),
      new SignOut(pool, sessions, revocations), serviceAccounts).register(runtime.api());
    new AccountApi(accounts, new Addresses(pool, addressBook, clock)).register(runtime.api());
    new MerchantApi(merchants).register(runtime.api());
    new AdminApi(vertx, merchants, accounts, audit, keys, serviceAccounts).register(runtime.api());
    KafkaEventConsumer auditReports = new AuditReports(runtime, audit).consumer();
    closeOnStop(auditReports::stop);
    return new IdentityCommands(vertx, pool, registerAccount, users, merchants, keys, revocations, audit).register()
      .compose(v -> accounts.contributePersonalData())
      .compose(v -> auditReports.start());
  }
}
