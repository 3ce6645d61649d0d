package dev.tradewind.catalog.domain;

import java.math.BigDecimal;

/**
 * A search's view of one merchant currency: the rate from it into the display currency, and the display
 * currency's price bounds translated into it (null: unbounded), so prices are compared where they are stored.
 */
public record CurrencyBounds(String currency, BigDecimal rate, BigDecimal min, BigDecimal max) {
}
