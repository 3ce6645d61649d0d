package dev.tradewind.checkout.domain;

import dev.tradewind.shared.money.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds a new order from its quote and the stock picked for each line: one fulfilment per merchant. */
public final class OrderDraft {
  private OrderDraft() {
  }

  public static List<StockAllocation.Demand> demands(Quote quote) {
    return quote.lines().stream().map(line -> new StockAllocation.Demand(line.skuId(), line.merchantId(), line.quantity()))
      .toList();
  }

  public static Order place(UUID orderId, Quote quote, List<StockAllocation.Pick> picks, String note, Instant now,
                            Instant reservationExpiresAt) {
    Map<UUID, List<Order.Line>> linesByMerchant = new LinkedHashMap<>();
    Map<UUID, Money> amountByMerchant = new LinkedHashMap<>();
    for (StockAllocation.Pick pick : picks) {
      Quote.Line line = quote.lines().get(pick.line());
      linesByMerchant.computeIfAbsent(line.merchantId(), k -> new ArrayList<>()).add(new Order.Line(line.skuId(),
        line.productId(), line.merchantId(), line.title(), line.quantity(), line.unitPrice(), line.subtotal(),
        pick.locationId()));
      amountByMerchant.merge(line.merchantId(), payableNow(quote, line), Money::plus);
    }
    quote.shipments().forEach(s -> amountByMerchant.computeIfPresent(s.merchantId(), (m, a) -> a.plus(s.fee().amount())));
    List<Order.Fulfilment> fulfilments = linesByMerchant.entrySet().stream().map(e -> new Order.Fulfilment(
      UUID.randomUUID(), e.getKey(), OrderStatus.PENDING_PAYMENT, amountByMerchant.get(e.getKey()), null, null,
      e.getValue())).toList();
    return new Order(orderId, quote.buyerId(), quote.id(), OrderStatus.PENDING_PAYMENT, quote.totals().dueNow(),
      quote.destination(), note, reservationExpiresAt, now, now, fulfilments);
  }

  /**
   * The line's goods, plus what of its duty and tax the buyer pays now: both under DDP, under DAP the tax collected at
   * sale; shipping is added per shipment. So a fulfilment's amount is its part of the quote's {@code dueNow}.
   */
  private static Money payableNow(Quote quote, Quote.Line line) {
    Money goods = line.subtotal();
    if (quote.incoterm() == Incoterm.DDP) {
      return goods.plus(line.duty().amount()).plus(line.tax().amount());
    }
    return line.taxAtSale() ? goods.plus(line.tax().amount()) : goods;
  }
}
