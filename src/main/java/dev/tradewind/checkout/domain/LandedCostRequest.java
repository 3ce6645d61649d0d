package dev.tradewind.checkout.domain;

import dev.tradewind.shared.money.CurrencyCode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What to price: lines (grouped into one shipment per merchant, in order of first appearance), where each
 * merchant ships from ({@code shipFrom}: merchant id to ISO country), where to, how fast, who pays import charges,
 * and the instant whose rules are in force.
 */
public record LandedCostRequest(CurrencyCode currency, String destinationCountry, ServiceLevel serviceLevel,
                                Incoterm incoterm, List<LandedCostItem> items, Map<UUID, String> shipFrom,
                                Instant at) {
  public LandedCostRequest {
    items = List.copyOf(items);
    shipFrom = Map.copyOf(shipFrom);
  }
}
