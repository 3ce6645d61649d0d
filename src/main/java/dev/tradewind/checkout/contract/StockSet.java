package dev.tradewind.checkout.contract;

/** The answer to {@link SetStock}: how many SKU levels were written. */
public record StockSet(int levels) {
}
