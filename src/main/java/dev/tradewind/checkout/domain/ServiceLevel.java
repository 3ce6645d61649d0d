package dev.tradewind.checkout.domain;

/** How fast a parcel travels, and so what it costs. */
public enum ServiceLevel {
  ECONOMY, STANDARD, EXPRESS
}
