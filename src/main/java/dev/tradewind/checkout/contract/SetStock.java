package dev.tradewind.checkout.contract;

import java.util.List;
import java.util.UUID;

/**
 * Sets the on-hand stock of some of a merchant's SKUs at the merchant's default fulfilment location (created on
 * first use in {@code locationCountry}). Sent by the catalogue when an import or the demo data carries stock
 * figures; merchants otherwise set stock through checkout's own merchant API. Answers {@link StockSet}; fails with
 * 409 when a figure is below what is already reserved.
 */
public record SetStock(UUID merchantId, String locationCountry, List<Level> levels) {
  public SetStock {
    levels = List.copyOf(levels);
  }

  /** The on-hand units of one SKU. */
  public record Level(UUID skuId, int onHand) {
  }
}
