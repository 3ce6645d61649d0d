package dev.tradewind.checkout.domain;

import dev.tradewind.shared.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.tradewind.checkout.domain.Incoterm.DAP;
import static dev.tradewind.checkout.domain.Incoterm.DDP;
import static dev.tradewind.checkout.domain.LandedCostFixtures.JAPANESE_MERCHANT;
import static dev.tradewind.checkout.domain.LandedCostFixtures.PORTUGUESE_MERCHANT;
import static dev.tradewind.checkout.domain.LandedCostFixtures.item;
import static dev.tradewind.checkout.domain.LandedCostFixtures.price;
import static dev.tradewind.checkout.domain.ServiceLevel.ECONOMY;
import static dev.tradewind.checkout.domain.ServiceLevel.STANDARD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quotes checked against arithmetic done by hand. Shipping: base + step x started 500 g, converted HALF_EVEN from
 * EUR; duty and tax HALF_UP per line; FX as in conf/tradewind.json (EUR base).
 */
@DisplayName("Landed cost, computed by hand")
class LandedCostArithmeticTest {

  @Test
  @DisplayName("DE, EUR 144 from Japan (<= EUR 150): no duty, 19 % VAT at sale on goods + shipping, due now even under DAP."
    + " 1100 g -> 3 steps: 17.90 + 3 x 4.20 = 30.50, split 300:800 g = 8.32 + 22.18; VAT (120 + 8.32) x 0.19 = 24.38,"
    + " (24 + 22.18) x 0.19 = 8.77")
  void germanyUnderTheIossThreshold() {
    for (Incoterm incoterm : List.of(DDP, DAP)) {
      LandedCost cost = price("EUR", "DE", STANDARD, incoterm,
        item(JAPANESE_MERCHANT, "Gyuto", "821192", 300, 1, "120.00", "EUR"),
        item(JAPANESE_MERCHANT, "Towel", "630260", 400, 2, "12.00", "EUR"));

      assertTotals(cost, "144.00", "30.50", "0.00", "33.15", "207.65", "0.00");
      assertThat(cost.lines()).extracting(l -> l.shippingShare().amount().toPlainString()).containsExactly("8.32", "22.18");
      assertThat(cost.lines()).extracting(l -> l.tax().amount().amount().toPlainString()).containsExactly("24.38", "8.77");
      assertThat(cost.lines().get(0).duty().rule()).startsWith("duty:EU:v1 de minimis: consignment 144.00 EUR <= 150.00 EUR");
      assertThat(cost.lines().get(0).tax().rule()).startsWith("vat:DE:v1 VAT 19% collected at sale");
      assertThat(cost.shipments().get(0).fee().rule()).startsWith("ship:APAC>EU:STANDARD:v1");
      assertThat(cost.shipments().get(0).transitDaysMin()).isEqualTo(5);
    }
  }

  @Test
  @DisplayName("DE, EUR 240 from Japan (> EUR 150): 600 g -> 26.30 shipping; duty ch.82 8.5 % of CIF 266.30 = 22.6355 -> 22.64;"
    + " import VAT 19 % of 288.94 = 54.8986 -> 54.90; DDP pays 343.84 now, DAP 266.30 now and 77.54 on delivery")
  void germanyOverTheThreshold() {
    LandedCostItem knives = item(JAPANESE_MERCHANT, "Gyuto", "821192", 300, 2, "120.00", "EUR");

    LandedCost ddp = price("EUR", "DE", STANDARD, DDP, knives);
    LandedCost dap = price("EUR", "DE", STANDARD, DAP, knives);

    assertTotals(ddp, "240.00", "26.30", "22.64", "54.90", "343.84", "0.00");
    assertTotals(dap, "240.00", "26.30", "22.64", "54.90", "266.30", "77.54");
    assertThat(ddp.lines().get(0).duty().rule()).startsWith("duty:EU:v1 ch.82 8.5% of 266.30 EUR");
    assertThat(ddp.lines().get(0).duty().rate()).isEqualByComparingTo("0.085");
    assertThat(ddp.lines().get(0).tax().rule()).isEqualTo("vat:DE:v1 VAT 19% on import of 288.94 EUR");
    assertThat(dap.lines().get(0).tax().rule()).isEqualTo("vat:DE:v1 VAT 19% on import of 288.94 EUR, estimate due on delivery");
  }

  @Test
  @DisplayName("DE at exactly EUR 150.00 is low value (no duty, VAT 172.10 x 0.19 = 32.699 -> 32.70); at 150.01 duty"
    + " 172.11 x 0.085 = 14.62935 -> 14.63 and VAT 186.74 x 0.19 = 35.4806 -> 35.48")
  void bothSidesOfTheEuThreshold() {
    LandedCost at = price("EUR", "DE", STANDARD, DDP, item(JAPANESE_MERCHANT, "Gyuto", "821192", 300, 1, "150.00", "EUR"));
    LandedCost over = price("EUR", "DE", STANDARD, DDP, item(JAPANESE_MERCHANT, "Gyuto", "821192", 300, 1, "150.01", "EUR"));

    assertTotals(at, "150.00", "22.10", "0.00", "32.70", "204.80", "0.00");
    assertTotals(over, "150.01", "22.10", "14.63", "35.48", "222.22", "0.00");
  }

  @Test
  @DisplayName("GB, GBP: shipping EUR 11.80 x 0.8447 = 9.96746 -> 9.97. GBP 100 (<= 135): VAT at sale 109.97 x 0.2 = 21.994"
    + " -> 21.99, all due now under DAP. GBP 135.01: duty 12 % of 144.98 = 17.3976 -> 17.40, VAT 162.38 x 0.2 = 32.476 ->"
    + " 32.48, both on delivery under DAP")
  void unitedKingdomBothSides() {
    LandedCost under = price("GBP", "GB", STANDARD, DAP, item(PORTUGUESE_MERCHANT, "Towel", "630260", 500, 1, "100.00", "GBP"));
    LandedCost over = price("GBP", "GB", STANDARD, DAP, item(PORTUGUESE_MERCHANT, "Towel", "630260", 500, 1, "135.01", "GBP"));

    assertTotals(under, "100.00", "9.97", "0.00", "21.99", "131.96", "0.00");
    assertTotals(over, "135.01", "9.97", "17.40", "32.48", "144.98", "49.88");
    assertThat(over.fxRates()).singleElement().satisfies(rate -> {
      assertThat(rate.base().code()).isEqualTo("EUR");
      assertThat(rate.quote().code()).isEqualTo("GBP");
      assertThat(rate.rate()).isEqualByComparingTo("0.8447");
    });
  }

  @Test
  @DisplayName("AU, AUD: 2000 g -> EUR 34.70 x 1.6593 = 57.57771 -> 57.58. AUD 999: GST at sale 1056.58 x 0.1 = 105.658 ->"
    + " 105.66. AUD 1001: duty 5 % of FOB 1001 = 50.05, GST 1108.63 x 0.1 = 110.863 -> 110.86")
  void australiaBothSides() {
    LandedCost under = price("AUD", "AU", STANDARD, DDP, item(PORTUGUESE_MERCHANT, "Towel", "630260", 2000, 1, "999.00", "AUD"));
    LandedCost over = price("AUD", "AU", STANDARD, DDP, item(PORTUGUESE_MERCHANT, "Towel", "630260", 2000, 1, "1001.00", "AUD"));

    assertTotals(under, "999.00", "57.58", "0.00", "105.66", "1162.24", "0.00");
    assertTotals(over, "1001.00", "57.58", "50.05", "110.86", "1219.49", "0.00");
    assertThat(over.lines().get(0).duty().rule()).startsWith("duty:AU:v1 default 5% of 1001.00 AUD (goods)");
  }

  @Test
  @DisplayName("JP in yen (no decimals): EUR 16.10 x 162.47 = 2615.767 -> 2616. JPY 9,000 (<= 10,000) pays neither duty nor"
    + " consumption tax; JPY 10,001: duty 6.6 % of 12,617 = 832.722 -> 833, tax 13,450 x 0.1 = 1,345")
  void japanInYen() {
    LandedCost under = price("JPY", "JP", ECONOMY, DDP, item(PORTUGUESE_MERCHANT, "Towel", "630260", 400, 1, "9000", "JPY"));
    LandedCost over = price("JPY", "JP", ECONOMY, DDP, item(PORTUGUESE_MERCHANT, "Towel", "630260", 400, 1, "10001", "JPY"));

    assertTotals(under, "9000", "2616", "0", "0", "11616", "0");
    assertThat(under.lines().get(0).tax().rule()).startsWith("ct:JP:v1 consumption tax 10% exempt");
    assertTotals(over, "10001", "2616", "833", "1345", "14795", "0");
  }

  @Test
  @DisplayName("KR in won against a USD 150 limit: KRW 208,000 x (1.0812 / 1504.12) = USD 149.52 is exempt; KRW 209,000 ="
    + " USD 150.23 pays duty 13 % of 233,216 = 30,318.08 -> 30,318 and VAT 263,534 x 0.1 = 26,353.4 -> 26,353")
  void koreaThresholdConvertedFromWon() {
    LandedCost under = price("KRW", "KR", ECONOMY, DDP, item(PORTUGUESE_MERCHANT, "Towel", "630260", 400, 1, "208000", "KRW"));
    LandedCost over = price("KRW", "KR", ECONOMY, DDP, item(PORTUGUESE_MERCHANT, "Towel", "630260", 400, 1, "209000", "KRW"));

    assertTotals(under, "208000", "24216", "0", "0", "232216", "0");
    assertThat(under.lines().get(0).duty().rule()).contains("consignment 208000 KRW = 149.52 USD <= 150.00 USD");
    assertTotals(over, "209000", "24216", "30318", "26353", "289887", "0");
    assertThat(over.fxRates()).extracting(r -> r.base() + "/" + r.quote()).containsExactlyInAnyOrder("EUR/KRW", "KRW/USD");
  }

  @Test
  @DisplayName("US, USD: no de-minimis since 2025-08-29, so USD 100 pays duty 6.7 % = 6.70 (sales tax not modelled: 0);"
    + " shipping 22.10 x 1.0812 = 23.89452 -> 23.89. Under the rule of 2025-08-28 the same parcel was duty-free (<= USD 800)")
  void unitedStatesDeMinimisSuspended() {
    LandedCostItem towel = item(PORTUGUESE_MERCHANT, "Towel", "630260", 500, 1, "100.00", "USD");

    LandedCost now = price("USD", "US", STANDARD, DDP, towel);
    LandedCost before = price(LandedCostFixtures.book(), java.time.Instant.parse("2025-08-28T23:59:59Z"), "USD", "US",
      STANDARD, DDP, towel);

    assertTotals(now, "100.00", "23.89", "6.70", "0.00", "130.59", "0.00");
    assertThat(now.lines().get(0).duty().rule()).startsWith("duty:US:v2 ch.63 6.7%");
    assertTotals(before, "100.00", "23.89", "0.00", "0.00", "123.89", "0.00");
    assertThat(before.lines().get(0).duty().rule()).startsWith("duty:US:v1 de minimis");
  }

  @Test
  @DisplayName("NZ, two merchants, two parcels, each its own consignment under NZD 1,000 although together NZD 1,090:"
    + " JP parcel 800 g -> EUR 6.50 x 2.0154 = 13.1001 -> 13.10 split 500:300 g = 8.19 + 4.91; PT parcel 600 g -> EUR 19.30"
    + " x 2.0154 = 38.89722 -> 38.90; GST at sale 15 %: 48.19 -> 7.23, 154.91 -> 23.24, 938.90 -> 140.84")
  void newZealandTwoMerchants() {
    LandedCost cost = price("NZD", "NZ", ECONOMY, DAP,
      item(JAPANESE_MERCHANT, "Sencha", "090210", 250, 2, "20.00", "NZD"),
      item(PORTUGUESE_MERCHANT, "Towel", "630260", 600, 1, "900.00", "NZD"),
      item(JAPANESE_MERCHANT, "Gyuto", "821192", 300, 1, "150.00", "NZD"));

    assertTotals(cost, "1090.00", "52.00", "0.00", "171.31", "1313.31", "0.00");
    assertThat(cost.shipments()).extracting(s -> s.originCountry() + " " + s.fee().amount().amount().toPlainString())
      .containsExactly("JP 13.10", "PT 38.90");
    assertThat(cost.lines()).extracting(l -> l.title() + " " + l.shippingShare().amount().toPlainString() + " "
      + l.tax().amount().amount().toPlainString()).containsExactly("Sencha 8.19 7.23", "Towel 38.90 140.84", "Gyuto 4.91 23.24");
  }

  @Test
  @DisplayName("PT to FR is no import: EUR 200 pays no duty, and French VAT 20 % on 208.00 = 41.60 is due now even under DAP")
  void insideTheEuNothingIsImported() {
    LandedCost cost = price("EUR", "FR", STANDARD, DAP, item(PORTUGUESE_MERCHANT, "Gyuto", "821192", 300, 1, "200.00", "EUR"));

    assertTotals(cost, "200.00", "8.00", "0.00", "41.60", "249.60", "0.00");
    assertThat(cost.lines().get(0).duty().rule()).contains("no import: PT -> FR within EU");
  }

  @Test
  @DisplayName("shipping EUR 8.00 split over three 100 g lines loses no cent: 2.67 + 2.67 + 2.66; and VAT rounds half up:"
    + " (93.50 + 8.00) x 0.19 = 19.285 -> 19.29")
  void splitsAndRounding() {
    LandedCost split = price("EUR", "DE", STANDARD, DDP,
      item(PORTUGUESE_MERCHANT, "A", "630260", 100, 1, "10.00", "EUR"),
      item(PORTUGUESE_MERCHANT, "B", "630260", 100, 1, "10.00", "EUR"),
      item(PORTUGUESE_MERCHANT, "C", "630260", 100, 1, "10.00", "EUR"));
    LandedCost halfUp = price("EUR", "DE", STANDARD, DDP, item(PORTUGUESE_MERCHANT, "Gyuto", "821192", 300, 1, "93.50", "EUR"));

    assertThat(split.lines()).extracting(l -> l.shippingShare().amount().toPlainString()).containsExactly("2.67", "2.67", "2.66");
    assertThat(split.totals().shipping()).isEqualTo(Money.of("8.00", "EUR"));
    assertThat(halfUp.lines().get(0).tax().amount()).isEqualTo(Money.of("19.29", "EUR"));
  }

  private static void assertTotals(LandedCost cost, String items, String shipping, String duties, String taxes,
                                   String dueNow, String dueOnDelivery) {
    Quote.Totals t = cost.totals();
    assertThat(List.of(t.items(), t.shipping(), t.duties(), t.taxes(), t.dueNow(), t.dueOnDelivery()))
      .extracting(m -> m.amount().toPlainString())
      .containsExactly(items, shipping, duties, taxes, dueNow, dueOnDelivery);
    String currency = t.items().currency().code();
    assertThat(cost.lines().stream().map(Quote.Line::subtotal).reduce(Money::plus).orElseThrow()).isEqualTo(t.items());
    assertThat(cost.lines().stream().map(Quote.Line::shippingShare).reduce(Money::plus).orElseThrow()).isEqualTo(t.shipping());
    assertThat(cost.shipments().stream().map(s -> s.fee().amount()).reduce(Money::plus).orElseThrow()).isEqualTo(t.shipping());
    assertThat(cost.lines().stream().map(l -> l.duty().amount()).reduce(Money::plus).orElseThrow()).isEqualTo(t.duties());
    assertThat(cost.lines().stream().map(l -> l.tax().amount()).reduce(Money::plus).orElseThrow()).isEqualTo(t.taxes());
    assertThat(t.dueNow().plus(t.dueOnDelivery())).as(currency)
      .isEqualTo(t.items().plus(t.shipping()).plus(t.duties()).plus(t.taxes()));
  }
}
