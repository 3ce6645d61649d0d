package dev.tradewind.shared.privacy;

import java.util.UUID;

/** Asks one context for everything it holds about a person. */
public record PersonalDataRequest(UUID userId) {
}
