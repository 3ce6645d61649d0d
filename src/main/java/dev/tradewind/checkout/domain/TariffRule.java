package dev.tradewind.checkout.domain;

import java.time.Instant;

/** A versioned row of the landed-cost tables: a rule id keeps its versions, each in force from {@code validFrom}. */
public interface TariffRule {
  String ruleId();

  int version();

  Instant validFrom();

  /** How a charge names where it came from, e.g. {@code vat:DE:v2}. */
  default String reference() {
    return ruleId() + ":v" + version();
  }
}
