package dev.tradewind.identity.application;

import dev.tradewind.identity.contract.IdentityContract;
import dev.tradewind.shared.auth.Role;
import dev.tradewind.identity.contract.UserRegistered;
import dev.tradewind.identity.domain.AccountRules;
import dev.tradewind.identity.domain.AccountRules.Violation;
import dev.tradewind.identity.domain.NewAccount;
import dev.tradewind.identity.infra.PasswordHasher;
import dev.tradewind.identity.infra.UserRepository;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.vertx.core.Future;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Opens an account: checks the rules, hashes the password off the event loop, then stores the user and its
 * {@link UserRegistered} event in one transaction. The hash is computed even when the email is taken, so the
 * answer's timing does not reveal which emails are registered.
 */
public final class RegisterAccount {
  private final ContextRuntime runtime;
  private final AccountRules rules;
  private final PasswordHasher hasher;
  private final UserRepository users;
  private final Clock clock;

  public RegisterAccount(ContextRuntime runtime, AccountRules rules, PasswordHasher hasher, UserRepository users, Clock clock) {
    this.runtime = runtime;
    this.rules = rules;
    this.hasher = hasher;
    this.users = users;
    this.clock = clock;
  }

  /** What registering can come to. */
  public sealed interface Outcome {
    record Registered(RegisteredAccount account) implements Outcome {
    }

    record EmailTaken() implements Outcome {
    }

    record Invalid(List<Violation> violations) implements Outcome {
    }
  }

  /** The account as its owner may see it: never the password or its hash. */
  public record RegisteredAccount(UUID id, String email, String name, String country, String currency,
                                  String language, Set<Role> roles, Instant createdAt) {
  }

  public Future<Outcome> register(String email, String password, String name, String country, String currency,
                                  String language, Set<Role> roles, String requestId) {
    List<Violation> violations = rules.check(email, password, name, country, currency, language);
    if (!violations.isEmpty()) {
      return Future.succeededFuture(new Outcome.Invalid(violations));
    }
    NewAccount account = rules.accept(email, password, name, country, currency, language, roles);
    return hasher.hash(password).compose(hash -> store(account, hash, requestId));
  }

  private Future<Outcome> store(NewAccount account, String hash, String requestId) {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    UserRegistered event = new UserRegistered(UUID.randomUUID(), now, id.toString(), 1, id, account.country(),
      account.currency(), account.language());
    Future<Outcome> outcome = runtime.pool().withTransaction(tx ->
      users.insert(tx, id, account, hash, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .compose(inserted -> inserted
          ? runtime.outbox().append(tx, IdentityContract.USER_REGISTERED, event, requestId)
            .<Outcome>map(v -> new Outcome.Registered(new RegisteredAccount(id, account.email(), account.name(),
              account.country(), account.currency(), account.language(), account.roles(), now)))
          : Future.<Outcome>succeededFuture(new Outcome.EmailTaken())));
    return outcome.onSuccess(result -> {
      if (result instanceof Outcome.Registered) {
        runtime.outboxCommitted();
      }
    });
  }
}
