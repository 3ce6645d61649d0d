package dev.tradewind.identity.contract;

import java.util.UUID;

/** The merchant organisation {@link OpenMerchant} opened, or the one the owner already had. */
public record MerchantOpened(UUID merchantId, boolean alreadyExisted) {
}
