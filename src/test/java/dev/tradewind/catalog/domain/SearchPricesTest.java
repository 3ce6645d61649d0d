package dev.tradewind.catalog.domain;

import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.FxRate;
import dev.tradewind.shared.money.FxRateTable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Search prices are compared in each merchant's currency and bucketed in the buyer's")
class SearchPricesTest {
  private static final FxRateTable TABLE = FxRateTable.fromQuotes("EUR",
    Map.of("USD", "1.0812", "JPY", "162.47", "GBP", "0.8447"), "ECB", Instant.parse("2026-11-20T15:00:00Z"));
  private static final CurrencyCode USD = CurrencyCode.of("USD");

  @Test
  @DisplayName("every currency of the table converts into the display currency, the display currency itself at 1")
  void ratesInto() {
    List<FxRate> rates = SearchPrices.ratesInto(TABLE, USD);
    assertThat(rates).extracting(r -> r.base().code()).containsExactlyInAnyOrder("EUR", "USD", "JPY", "GBP");
    assertThat(rates).allSatisfy(r -> assertThat(r.quote()).isEqualTo(USD));
    assertThat(rates.stream().filter(r -> r.base().equals(USD)).findFirst().orElseThrow().rate()).isEqualByComparingTo("1");
  }

  @Test
  @DisplayName("100 dollars is 92.49 euros and 15 027 yen: bounds are divided by each currency's rate into dollars")
  void boundsPerCurrency() {
    List<CurrencyBounds> bounds = SearchPrices.bounds(SearchPrices.ratesInto(TABLE, USD), new BigDecimal("100"), null);
    CurrencyBounds euros = bounds.stream().filter(b -> b.currency().equals("EUR")).findFirst().orElseThrow();
    assertThat(euros.rate()).isEqualByComparingTo("1.0812");
    assertThat(euros.min().setScale(2, java.math.RoundingMode.HALF_EVEN)).isEqualByComparingTo("92.49");
    assertThat(euros.max()).isNull();
    CurrencyBounds yen = bounds.stream().filter(b -> b.currency().equals("JPY")).findFirst().orElseThrow();
    assertThat(yen.min().setScale(0, java.math.RoundingMode.HALF_EVEN)).isEqualByComparingTo("15027");
  }

  @Test
  @DisplayName("bucket edges are 0/25/50/100/250/500 in euros and dollars, a hundred times that in yen")
  void bucketEdges() {
    assertThat(SearchPrices.bucketEdges(TABLE, CurrencyCode.of("EUR"))).extracting(BigDecimal::toPlainString)
      .containsExactly("0", "25", "50", "100", "250", "500");
    assertThat(SearchPrices.bucketEdges(TABLE, USD)).extracting(BigDecimal::toPlainString)
      .containsExactly("0", "25", "50", "100", "250", "500");
    assertThat(SearchPrices.bucketEdges(TABLE, CurrencyCode.of("JPY"))).extracting(BigDecimal::toPlainString)
      .containsExactly("0", "2500", "5000", "10000", "25000", "50000");
  }
}
