package dev.tradewind.identity.contract;

import java.util.UUID;

/** Opens an approved merchant organisation owned by an existing user, for demo data. */
public record OpenMerchant(UUID ownerId, String legalName, String country, String defaultCurrency,
                           String defaultLanguage) {
}
