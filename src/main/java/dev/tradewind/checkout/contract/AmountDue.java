package dev.tradewind.checkout.contract;

import dev.tradewind.shared.money.Money;

import java.util.UUID;

/**
 * The answer to {@link AmountDueQuery}: what the buyer must pay now (the quote's due-now total; zero once paid,
 * cancelled or expired), who the buyer is and the order's status.
 */
public record AmountDue(UUID orderId, UUID buyerId, Money amount, String status) {
}
