package dev.tradewind.checkout.domain;

import dev.tradewind.checkout.domain.TaxRule.LowValueTreatment;
import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.FxRateTable;
import dev.tradewind.shared.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A small tariff book with the seed's figures for the destinations the arithmetic tests use, and the config FX. */
final class LandedCostFixtures {
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");
  static final UUID JAPANESE_MERCHANT = UUID.fromString("00000000-0000-0000-0000-00000000001a");
  static final UUID PORTUGUESE_MERCHANT = UUID.fromString("00000000-0000-0000-0000-00000000002b");
  static final Map<UUID, String> SHIP_FROM = Map.of(JAPANESE_MERCHANT, "JP", PORTUGUESE_MERCHANT, "PT");

  static final FxRateTable FX = FxRateTable.fromQuotes("EUR", Map.of("USD", "1.0812", "GBP", "0.8447", "JPY", "162.47",
    "AUD", "1.6593", "KRW", "1504.12", "NZD", "2.0154"), "ECB", Instant.parse("2026-11-20T15:00:00Z"));

  private LandedCostFixtures() {
  }

  static TariffBook book() {
    return book(List.of());
  }

  static TariffBook book(List<TaxRule> extraTaxRules) {
    Map<String, String> zones = Map.ofEntries(Map.entry("PT", "EU"), Map.entry("DE", "EU"), Map.entry("FR", "EU"),
      Map.entry("GB", "EUROPE"), Map.entry("US", "NAM"), Map.entry("JP", "APAC"), Map.entry("AU", "APAC"),
      Map.entry("KR", "APAC"), Map.entry("NZ", "APAC"));
    List<ShippingRate> rates = List.of(
      rate("EU", "EU", ServiceLevel.STANDARD, "6.90", "1.10", 2, 4),
      rate("EU", "EUROPE", ServiceLevel.STANDARD, "9.90", "1.90", 3, 5),
      rate("APAC", "EU", ServiceLevel.STANDARD, "17.90", "4.20", 5, 9),
      rate("EU", "APAC", ServiceLevel.STANDARD, "17.90", "4.20", 5, 9),
      rate("EU", "APAC", ServiceLevel.ECONOMY, "12.90", "3.20", 8, 16),
      rate("APAC", "APAC", ServiceLevel.ECONOMY, "4.90", "0.80", 3, 6),
      rate("EU", "NAM", ServiceLevel.STANDARD, "17.90", "4.20", 5, 9));
    List<TaxRule> taxes = new ArrayList<>(List.of(
      tax("vat:DE", "DE", "VAT", "0.19", true, true, eur("150.00"), LowValueTreatment.COLLECT_AT_SALE, "EU"),
      tax("vat:FR", "FR", "VAT", "0.20", true, true, eur("150.00"), LowValueTreatment.COLLECT_AT_SALE, "EU"),
      tax("vat:PT", "PT", "VAT", "0.23", true, true, eur("150.00"), LowValueTreatment.COLLECT_AT_SALE, "EU"),
      tax("vat:GB", "GB", "VAT", "0.20", true, true, Money.of("135.00", "GBP"), LowValueTreatment.COLLECT_AT_SALE, "GB"),
      tax("gst:AU", "AU", "GST", "0.10", true, true, Money.of("1000.00", "AUD"), LowValueTreatment.COLLECT_AT_SALE, "AU"),
      tax("ct:JP", "JP", "consumption tax", "0.10", true, true, Money.of("10000", "JPY"), LowValueTreatment.EXEMPT, "JP"),
      tax("vat:KR", "KR", "VAT", "0.10", true, true, Money.of("150.00", "USD"), LowValueTreatment.EXEMPT, "KR"),
      tax("salestax:US", "US", "sales tax", "0", false, false, null, null, "US"),
      tax("gst:NZ", "NZ", "GST", "0.15", true, true, Money.of("1000.00", "NZD"), LowValueTreatment.COLLECT_AT_SALE, "NZ")));
    taxes.addAll(extraTaxRules);
    Map<String, BigDecimal> usRates = Map.of("63", pct("0.067"), "85", pct("0.049"));
    List<DutyRule> duties = List.of(
      new DutyRule("duty:EU", 1, LONG_AGO, "EU", eur("150.00"), true, pct("0.04"),
        Map.of("63", pct("0.12"), "62", pct("0.12"), "6214", pct("0.08"), "82", pct("0.085"), "85", pct("0.02")), "test"),
      new DutyRule("duty:GB", 1, LONG_AGO, "GB", Money.of("135.00", "GBP"), true, pct("0.04"),
        Map.of("63", pct("0.12"), "82", pct("0.08")), "test"),
      new DutyRule("duty:AU", 1, LONG_AGO, "AU", Money.of("1000.00", "AUD"), false, pct("0.05"), Map.of("85", pct("0")),
        "test"),
      new DutyRule("duty:JP", 1, LONG_AGO, "JP", Money.of("10000", "JPY"), true, pct("0.03"),
        Map.of("63", pct("0.066"), "82", pct("0")), "test"),
      new DutyRule("duty:KR", 1, LONG_AGO, "KR", Money.of("150.00", "USD"), true, pct("0.08"), Map.of("63", pct("0.13")),
        "test"),
      new DutyRule("duty:US", 1, Instant.parse("2016-03-10T00:00:00Z"), "US", Money.of("800.00", "USD"), false,
        pct("0.035"), usRates, "test"),
      new DutyRule("duty:US", 2, Instant.parse("2025-08-29T00:00:00Z"), "US", null, false, pct("0.035"), usRates, "test"),
      new DutyRule("duty:NZ", 1, LONG_AGO, "NZ", Money.of("1000.00", "NZD"), false, pct("0.05"), Map.of(), "test"));
    return new TariffBook(zones, rates, taxes, duties);
  }

  static TaxRule tax(String id, String country, String name, String rate, boolean shipping, boolean duty, Money limit,
                     LowValueTreatment treatment, String area) {
    return new TaxRule(id, 1, LONG_AGO, country, name, pct(rate), shipping, duty, limit, treatment, area, "test");
  }

  static LandedCostItem item(UUID merchant, String title, String hsCode, int grams, int quantity, String price,
                             String currency) {
    Money unit = Money.of(price, currency);
    return new LandedCostItem(UUID.randomUUID(), UUID.randomUUID(), merchant, title, hsCode, grams, quantity, unit, unit);
  }

  static LandedCost price(String currency, String country, ServiceLevel level, Incoterm incoterm,
                          LandedCostItem... items) {
    return price(book(), NOW, currency, country, level, incoterm, items);
  }

  static LandedCost price(TariffBook book, Instant at, String currency, String country, ServiceLevel level,
                          Incoterm incoterm, LandedCostItem... items) {
    return new LandedCostCalculator(book).price(new LandedCostRequest(CurrencyCode.of(currency), country, level,
      incoterm, List.of(items), SHIP_FROM, at), new LandedCostFx(FX));
  }

  static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  private static ShippingRate rate(String from, String to, ServiceLevel level, String base, String step, int min,
                                   int max) {
    return new ShippingRate("ship:" + from + ">" + to + ":" + level, 1, LONG_AGO, from, to, level, eur(base), eur(step),
      500, min, max);
  }

  private static BigDecimal pct(String rate) {
    return new BigDecimal(rate);
  }
}
