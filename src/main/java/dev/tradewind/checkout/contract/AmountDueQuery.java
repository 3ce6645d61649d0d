package dev.tradewind.checkout.contract;

import java.util.UUID;

/** Asks what is due now on an order (payments asks before taking a payment). */
public record AmountDueQuery(UUID orderId) {
}
