package dev.tradewind.identity.contract;

import dev.tradewind.shared.outbox.EventChannel;

/** The identity context as other contexts see it: its name, the commands it takes and the events it emits. */
public final class IdentityContract {
  public static final String CONTEXT = "identity";

  /** Request/reply with {@link CreateAccount}; answers {@link AccountCreated}. Internal: never exposed over HTTP. */
  public static final String CREATE_ACCOUNT = "identity.create-account";

  /** Request/reply with {@link OpenMerchant}; answers {@link MerchantOpened}. Demo data only: skips the review. */
  public static final String OPEN_MERCHANT = "identity.open-merchant";

  /** Request/reply with no body; answers the JWKS (a JSON object) that verifies access tokens. */
  public static final String PUBLIC_KEYS = "identity.get-public-keys";

  /** Published with the new JWKS whenever signing keys rotate. */
  public static final String PUBLIC_KEYS_CHANGED = "identity.public-keys-changed";

  /** Published with {@link SessionsRevoked} when sessions end or a user is deactivated or erased. */
  public static final String SESSIONS_REVOKED = "identity.sessions-revoked";

  /** Request/reply with no body; answers {@link RecentRevocations}. */
  public static final String RECENT_REVOCATIONS = "identity.get-recent-revocations";

  /** Request/reply with {@link GetBuyerPreferences}; answers {@link BuyerPreferences}. */
  public static final String BUYER_PREFERENCES = "identity.get-buyer-preferences";

  public static final EventChannel<UserRegistered> USER_REGISTERED =
    EventChannel.of(CONTEXT, "user-registered", 1, UserRegistered.class);
  public static final EventChannel<MerchantApplied> MERCHANT_APPLIED =
    EventChannel.of(CONTEXT, "merchant-applied", 1, MerchantApplied.class);
  public static final EventChannel<MerchantApproved> MERCHANT_APPROVED =
    EventChannel.of(CONTEXT, "merchant-approved", 1, MerchantApproved.class);
  public static final EventChannel<UserErased> USER_ERASED =
    EventChannel.of(CONTEXT, "user-erased", 1, UserErased.class);

  private IdentityContract() {
  }
}
