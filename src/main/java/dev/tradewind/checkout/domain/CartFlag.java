package dev.tradewind.checkout.domain;

/** Why a line cannot be ordered as it stands. */
public enum CartFlag {
  /** Fewer units available (on hand − reserved, over all locations) than the line asks for. */
  OUT_OF_STOCK,
  /** The goods may not be shipped to the cart's destination; the line names the reason. */
  NOT_SHIPPABLE,
  /** The SKU is unknown, unpublished or archived now, or its price cannot be shown in the cart's currency. */
  UNAVAILABLE
}
