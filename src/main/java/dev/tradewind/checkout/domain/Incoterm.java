package dev.tradewind.checkout.domain;

/** Who pays import duties and taxes: DDP, the buyer now at checkout; DAP, the buyer on delivery (an estimate here). */
public enum Incoterm {
  DDP, DAP
}
