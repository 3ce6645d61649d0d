package dev.tradewind.checkout.application;

import java.util.UUID;

/** One line to quote: a SKU and how many. */
public record QuoteItem(UUID skuId, int quantity) {
}
