package dev.tradewind.identity.contract;

import java.util.UUID;

/** Asks for a signed-in person's shopping preferences; answers {@link BuyerPreferences}. */
public record GetBuyerPreferences(UUID userId) {
}
