package dev.tradewind.checkout.domain;

import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.FxRate;
import dev.tradewind.shared.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A landed-cost quote: what a buyer's cart costs delivered to one address, in the buyer's currency, with the FX
 * rates and duty/tax rule versions it was priced with locked in. An order is placed from a quote, so the quote
 * is the price, tax and FX snapshot the order keeps. Every money figure on a line or shipment names its source.
 */
public record Quote(UUID id, UUID cartId, UUID buyerId, CurrencyCode currency, Address destination,
                    ServiceLevel serviceLevel, Incoterm incoterm, List<Line> lines, List<Shipment> shipments,
                    Totals totals, List<FxRate> fxRates, Instant createdAt, Instant expiresAt) {
  public Quote {
    lines = List.copyOf(lines);
    shipments = List.copyOf(shipments);
    fxRates = List.copyOf(fxRates);
  }

  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /**
   * One cart line priced for the destination. {@code merchantUnitPrice} is the catalogue price in the merchant's
   * currency; {@code unitPrice} and everything after it are in the quote's currency. {@code shippingShare} is this
   * line's part of its shipment's fee (the shares of a shipment sum to its fee exactly). {@code taxAtSale}: the tax is
   * collected at checkout whatever the incoterm (a low-value consignment under a scheme such as the EU's IOSS).
   */
  public record Line(UUID skuId, UUID productId, UUID merchantId, String title, String hsCode, int quantity,
                     Money merchantUnitPrice, Money unitPrice, Money subtotal, Money shippingShare, Charge duty,
                     Charge tax, Boolean taxAtSale) {
    public Line {
      // Quote documents written before taxAtSale existed say it in the tax's rule (LandedCostCalculator names it so).
      if (taxAtSale == null) {
        taxAtSale = tax != null && tax.rule() != null && tax.rule().contains(" collected at sale");
      }
    }
  }

  /** One merchant's parcel: where it ships from and what it costs to ship. */
  public record Shipment(UUID merchantId, String originCountry, Charge fee, int transitDaysMin, int transitDaysMax) {
  }

  /** An amount and the rule it came from, e.g. {@code "vat:DE:v1 standard 19%"} or {@code "rate:EU-1→EU standard v1"}. */
  public record Charge(Money amount, String rule, java.math.BigDecimal rate) {
  }

  /**
   * Sums in the quote's currency. {@code dueNow} is what the buyer pays at checkout (under DAP duties and taxes
   * are left out and shown as {@code dueOnDelivery}, an estimate).
   */
  public record Totals(Money items, Money shipping, Money duties, Money taxes, Money dueNow, Money dueOnDelivery) {
  }
}
