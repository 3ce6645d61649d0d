package dev.tradewind.shared.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FxRateTableTest {

  private static final CurrencyCode EUR = CurrencyCode.of("EUR");
  private static final CurrencyCode USD = CurrencyCode.of("USD");
  private static final CurrencyCode GBP = CurrencyCode.of("GBP");
  private static final Instant NOW = Instant.parse("2025-06-02T14:15:00Z");

  @Test
  @DisplayName("a table read from configuration keeps each quote with its source and time")
  void buildsFromConfiguration() {
    FxRateTable table = FxRateTable.fromQuotes("eur", Map.of("usd", "1.08", "GBP", "0.85"), "ECB", NOW);
    assertThat(table.base()).isEqualTo(EUR);
    assertThat(table.rate(EUR, USD)).isEqualTo(new FxRate(EUR, USD, new BigDecimal("1.08"), "ECB", NOW));
    assertThat(table.asOf()).isEqualTo(NOW);
  }

  @Test
  @DisplayName("a bad configuration entry is refused, naming its key")
  void refusesBadEntriesNamingTheKey() {
    assertRefused(Map.of("USD", "0"), "USD");
    assertRefused(Map.of("GBP", "-0.85"), "GBP");
    assertRefused(Map.of("ZZZ", "1.5"), "ZZZ");
    assertRefused(Map.of("XAU", "0.0004"), "XAU");
    assertRefused(Map.of("JPY", "lots"), "JPY");
    assertRefused(Map.of("EUR", "1"), "EUR");
    Map<String, String> missingValue = new HashMap<>();
    missingValue.put("CHF", null);
    assertRefused(missingValue, "CHF");
    assertThatThrownBy(() -> FxRateTable.fromQuotes("EUR", Map.of(), "ECB", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("quotes against another base, or twice for one currency, do not make a table")
  void refusesInconsistentQuotes() {
    FxRate usdBased = new FxRate(USD, GBP, new BigDecimal("0.79"), "ECB", NOW);
    FxRate eurUsd = new FxRate(EUR, USD, new BigDecimal("1.08"), "ECB", NOW);
    assertThatThrownBy(() -> FxRateTable.of(EUR, List.of(eurUsd, usdBased))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FxRateTable.of(EUR, List.of(eurUsd, eurUsd))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a rate must be positive and name its source, and a currency's rate to itself is 1")
  void rateInvariants() {
    assertThatThrownBy(() -> new FxRate(EUR, USD, BigDecimal.ZERO, "ECB", NOW)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FxRate(EUR, USD, BigDecimal.ONE, " ", NOW)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FxRate(EUR, EUR, new BigDecimal("1.01"), "ECB", NOW)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new FxRate(EUR, EUR, new BigDecimal("1.000"), "ECB", NOW).rate()).isEqualByComparingTo(BigDecimal.ONE);
  }

  @Test
  @DisplayName("replacing the rates changes what the next conversion uses")
  void replacedRatesApplyToTheNextConversion() {
    FxRates rates = new FxRates(FxRateTable.fromQuotes("EUR", Map.of("USD", "1.08"), "morning", NOW));
    assertThat(rates.convert(Money.of("100.00", "EUR"), USD).result()).isEqualTo(Money.of("108.00", "USD"));

    rates.replace(FxRateTable.fromQuotes("EUR", Map.of("USD", "1.10"), "afternoon", NOW.plusSeconds(3600)));

    Conversion conversion = rates.convert(Money.of("100.00", "EUR"), USD);
    assertThat(conversion.result()).isEqualTo(Money.of("110.00", "USD"));
    assertThat(conversion.rateSource()).isEqualTo("afternoon");
  }

  @Test
  @DisplayName("while rates are replaced under load, every conversion uses one whole table, never a mix")
  void readersSeeWholeSnapshotsDuringReplacement() throws Exception {
    FxRateTable morning = FxRateTable.fromQuotes("EUR", Map.of("USD", "1.08", "GBP", "0.85"), "morning", NOW);
    FxRateTable afternoon = FxRateTable.fromQuotes("EUR", Map.of("USD", "1.10", "GBP", "0.80"), "afternoon", NOW);
    Map<String, Money> expectedBySource = Map.of(
        "morning", morning.convert(Money.of("100.00", "USD"), GBP).result(),
        "afternoon", afternoon.convert(Money.of("100.00", "USD"), GBP).result());
    FxRates rates = new FxRates(morning);
    AtomicBoolean running = new AtomicBoolean(true);
    CountDownLatch started = new CountDownLatch(3);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> writer = pool.submit(() -> {
        started.countDown();
        for (int i = 0; i < 20_000; i++) {
          rates.replace(i % 2 == 0 ? afternoon : morning);
        }
        running.set(false);
      });
      List<Future<Integer>> readers = List.of(pool.submit(() -> read(rates, running, started, expectedBySource)),
          pool.submit(() -> read(rates, running, started, expectedBySource)));
      writer.get(30, TimeUnit.SECONDS);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(30, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static int read(FxRates rates, AtomicBoolean running, CountDownLatch started, Map<String, Money> expectedBySource)
      throws InterruptedException {
    started.countDown();
    started.await();
    int conversions = 0;
    do {
      Conversion conversion = rates.convert(Money.of("100.00", "USD"), GBP);
      assertThat(conversion.result()).as(conversion.rateSource()).isEqualTo(expectedBySource.get(conversion.rateSource()));
      conversions++;
    } while (running.get());
    return conversions;
  }

  private static void assertRefused(Map<String, String> quotes, String key) {
    assertThatThrownBy(() -> FxRateTable.fromQuotes("EUR", quotes, "ECB", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key);
  }
}
