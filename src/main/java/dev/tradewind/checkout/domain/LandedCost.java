package dev.tradewind.checkout.domain;

import dev.tradewind.shared.money.FxRate;

import java.util.List;

/** The priced figures of a quote: lines, one shipment per merchant, totals, and the FX rates they used. */
public record LandedCost(List<Quote.Line> lines, List<Quote.Shipment> shipments, Quote.Totals totals,
                         List<FxRate> fxRates) {
  public LandedCost {
    lines = List.copyOf(lines);
    shipments = List.copyOf(shipments);
    fxRates = List.copyOf(fxRates);
  }
}
