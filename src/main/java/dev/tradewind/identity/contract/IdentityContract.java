package dev.tradewind.identity.contract;

import dev.tradewind.shared.outbox.EventChannel;

/** The identity context as other contexts see it: its name, the commands it takes and the events it emits. */
public final class IdentityContract {
  public static final String CONTEXT = "identity";

  /** Request/reply with {@link CreateAccount}; answers {@link AccountCreated}. Internal: never exposed over HTTP. */
  public static final String CREATE_ACCOUNT = "identity.create-account";

  public static final EventChannel<UserRegistered> USER_REGISTERED =
    EventChannel.of(CONTEXT, "user-registered", 1, UserRegistered.class);

  private IdentityContract() {
  }
}
