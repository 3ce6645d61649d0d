package dev.tradewind.checkout.domain;

import dev.tradewind.checkout.domain.TaxRule.LowValueTreatment;
import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Prices a cart delivered to one address: subtotals, one shipment per merchant, duty and import tax per line.
 *
 * <p>Rounding: conversions round HALF_EVEN (the platform's FX rule); duty and tax round HALF_UP to the quote
 * currency's minor unit, per line (commercial rounding, as tax authorities compute). Every total is the sum of its
 * lines, and a shipment's fee is split across its lines by weight with the largest-remainder method, so the
 * figures always add up exactly.
 *
 * <p>A parcel that stays inside one customs territory (PT to DE, US to US) is no import: no duty, and the
 * destination's VAT/GST is charged at sale on goods and shipping, due now.
 *
 * <p>Thresholds: a merchant's parcel is one consignment. Its goods value (subtotals, without shipping) is
 * converted into the threshold's currency and compared: at or under the threshold is low value. Low value means
 * no duty; its tax is either collected at sale (EU IOSS, UK, AU, NZ, NO, SG: due now under DDP <em>and</em> DAP,
 * since the platform must charge it) or not levied. Above, duty and import tax are due now under DDP and are an
 * estimate due on delivery under DAP.
 */
public final class LandedCostCalculator {
  static final RoundingMode TAX_ROUNDING = RoundingMode.HALF_UP;

  private final TariffBook book;

  public LandedCostCalculator(TariffBook book) {
    this.book = book;
  }

  public LandedCost price(LandedCostRequest request, LandedCostFx fx) {
    TaxRule tax = book.taxRule(request.destinationCountry(), request.at()).orElseThrow(() ->
      new TariffMissingException("no tax rule in force for " + request.destinationCountry()));
    DutyRule duty = book.dutyRule(tax.dutyArea(), request.at()).orElseThrow(() ->
      new TariffMissingException("no duty rule in force for " + tax.dutyArea()));
    Quote.Line[] lines = new Quote.Line[request.items().size()];
    List<Quote.Shipment> shipments = new ArrayList<>();
    Sums sums = new Sums(request.currency());
    byMerchant(request.items()).forEach((merchantId, indexes) -> {
      Parcel parcel = new Parcel(request, merchantId, indexes, tax, duty, fx);
      shipments.add(parcel.shipment());
      parcel.lines(lines, sums);
    });
    return new LandedCost(Arrays.asList(lines), shipments, sums.totals(request.incoterm()), fx.used());
  }

  private static Map<UUID, List<Integer>> byMerchant(List<LandedCostItem> items) {
    Map<UUID, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      groups.computeIfAbsent(items.get(i).merchantId(), m -> new ArrayList<>()).add(i);
    }
    return groups;
  }

  /** One merchant's consignment: its fee, its weight split, and whether it is under the thresholds. */
  private final class Parcel {
    private final LandedCostRequest request;
    private final List<Integer> indexes;
    private final TaxRule tax;
    private final DutyRule duty;
    private final UUID merchantId;
    private final String origin;
    private final ShippingRate rate;
    private final long grams;
    private final Money fee;
    private final List<Money> shares;
    private final Money goods;
    private final String dutyFreeBecause;
    private final String atSaleBecause;
    private final String exemptBecause;

    Parcel(LandedCostRequest request, UUID merchantId, List<Integer> indexes, TaxRule tax, DutyRule duty,
           LandedCostFx fx) {
      this.request = request;
      this.indexes = indexes;
      this.tax = tax;
      this.duty = duty;
      this.merchantId = merchantId;
      List<LandedCostItem> items = indexes.stream().map(request.items()::get).toList();
      this.origin = request.shipFrom().get(merchantId);
      this.rate = book.shippingRate(origin, request.destinationCountry(), request.serviceLevel(), request.at())
        .orElseThrow(() -> new TariffMissingException("no " + request.serviceLevel() + " rate from " + origin
          + " to " + request.destinationCountry()));
      this.grams = items.stream().mapToLong(LandedCostItem::grams).sum();
      this.fee = fx.convert(rate.feeFor(grams), request.currency());
      this.shares = split(fee, items);
      this.goods = items.stream().map(LandedCostItem::subtotal).reduce(Money.zero(request.currency()), Money::plus);
      String originArea = book.taxRule(origin, request.at()).map(TaxRule::dutyArea).orElse(origin);
      if (originArea.equals(tax.dutyArea())) {
        this.dutyFreeBecause = "no import: " + origin + " -> " + request.destinationCountry() + " within " + originArea;
        this.atSaleBecause = dutyFreeBecause;
        this.exemptBecause = null;
      } else {
        String lowValue = atOrUnder(goods, tax.lowValueLimit(), fx);
        this.dutyFreeBecause = atOrUnder(goods, duty.threshold(), fx);
        boolean exempt = lowValue != null && tax.lowValueTreatment() == LowValueTreatment.EXEMPT;
        this.atSaleBecause = exempt ? null : lowValue;
        this.exemptBecause = exempt ? lowValue : null;
      }
    }

    Quote.Shipment shipment() {
      String rule = rate.describe(grams) + (fee.currency().equals(rate.baseFee().currency()) ? "" : " = " + fee);
      return new Quote.Shipment(merchantId, origin, new Quote.Charge(fee, rule, rate.stepFee().amount()),
        rate.transitDaysMin(), rate.transitDaysMax());
    }

    void lines(Quote.Line[] lines, Sums sums) {
      sums.shipping = sums.shipping.plus(fee);
      for (int k = 0; k < indexes.size(); k++) {
        LandedCostItem item = request.items().get(indexes.get(k));
        Money share = shares.get(k);
        Quote.Charge dutyCharge = dutyOn(item, share);
        Quote.Charge taxCharge = taxOn(item, share, dutyCharge.amount());
        lines[indexes.get(k)] = new Quote.Line(item.skuId(), item.productId(), item.merchantId(), item.title(),
          item.hsCode(), item.quantity(), item.merchantUnitPrice(), item.unitPrice(), item.subtotal(), share,
          dutyCharge, taxCharge, collectedAtSale());
        sums.add(item.subtotal(), dutyCharge.amount(), taxCharge.amount(), collectedAtSale());
      }
    }

    private Quote.Charge dutyOn(LandedCostItem item, Money share) {
      if (dutyFreeBecause != null) {
        return new Quote.Charge(Money.zero(request.currency()), duty.reference() + " de minimis: " + dutyFreeBecause,
          BigDecimal.ZERO);
      }
      DutyRule.Rate dutyRate = duty.rateFor(item.hsCode());
      Money value = duty.shippingInValue() ? item.subtotal().plus(share) : item.subtotal();
      return new Quote.Charge(value.multiply(dutyRate.value(), TAX_ROUNDING), duty.reference() + " " + dutyRate.line()
        + " " + percent(dutyRate.value()) + " of " + value + (duty.shippingInValue() ? " (goods + shipping)" : " (goods)")
        + whenDue(), dutyRate.value());
    }

    private Quote.Charge taxOn(LandedCostItem item, Money share, Money dutyAmount) {
      String name = tax.reference() + " " + tax.taxName() + " " + percent(tax.rate());
      if (exemptBecause != null) {
        return new Quote.Charge(Money.zero(request.currency()), name + " exempt: " + exemptBecause, BigDecimal.ZERO);
      }
      Money base = item.subtotal();
      base = tax.shippingInBase() ? base.plus(share) : base;
      base = tax.dutyInBase() ? base.plus(dutyAmount) : base;
      String how = collectedAtSale() ? " collected at sale (" + atSaleBecause + ")" : " on import";
      return new Quote.Charge(base.multiply(tax.rate(), TAX_ROUNDING), name + how + " of " + base
        + (collectedAtSale() ? "" : whenDue()), tax.rate());
    }

    private String whenDue() {
      return request.incoterm() == Incoterm.DAP ? ", estimate due on delivery" : "";
    }

    private boolean collectedAtSale() {
      return atSaleBecause != null;
    }

    private static List<Money> split(Money fee, List<LandedCostItem> items) {
      List<BigDecimal> weights = items.stream().map(i -> BigDecimal.valueOf(i.grams())).toList();
      return weights.stream().allMatch(w -> w.signum() == 0) ? fee.allocate(items.size()) : fee.allocate(weights);
    }

    /** Why the consignment is at or under the limit ("consignment 123.45 EUR ≤ 150.00 EUR"), or null if above. */
    private static String atOrUnder(Money goods, Money limit, LandedCostFx fx) {
      if (limit == null) {
        return null;
      }
      Money value = fx.convert(goods, limit.currency());
      if (value.compareTo(limit) > 0) {
        return null;
      }
      String converted = value.currency().equals(goods.currency()) ? "" : " = " + value;
      return "consignment " + goods + converted + " <= " + limit;
    }
  }

  private static String percent(BigDecimal rate) {
    return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  /** Running totals, split by who pays when. */
  private static final class Sums {
    private Money items;
    private Money shipping;
    private Money duties;
    private Money taxes;
    private Money taxesAtSale;

    Sums(CurrencyCode currency) {
      items = Money.zero(currency);
      shipping = items;
      duties = items;
      taxes = items;
      taxesAtSale = items;
    }

    void add(Money subtotal, Money duty, Money tax, boolean atSale) {
      items = items.plus(subtotal);
      duties = duties.plus(duty);
      taxes = taxes.plus(tax);
      taxesAtSale = atSale ? taxesAtSale.plus(tax) : taxesAtSale;
    }

    Quote.Totals totals(Incoterm incoterm) {
      Money all = items.plus(shipping).plus(duties).plus(taxes);
      Money onDelivery = incoterm == Incoterm.DAP ? duties.plus(taxes).minus(taxesAtSale) : Money.zero(items.currency());
      return new Quote.Totals(items, shipping, duties, taxes, all.minus(onDelivery), onDelivery);
    }
  }
}
