package dev.tradewind.identity.contract;

import java.util.UUID;

/**
 * A person's shopping preferences from their profile: country, ISO 4217 currency and language. All null for an id
 * that is not an active person (unknown, a service account, deactivated or erased). Holds no personal data beyond them.
 */
public record BuyerPreferences(UUID userId, String country, String currency, String language) {
  public static BuyerPreferences none(UUID userId) {
    return new BuyerPreferences(userId, null, null, null);
  }
}
