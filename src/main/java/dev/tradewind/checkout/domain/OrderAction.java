package dev.tradewind.checkout.domain;

/** What may happen to a fulfilment (buyer- and system-level actions apply to every live fulfilment of the order). */
public enum OrderAction {
  PAY, PACK, SHIP, DELIVER, CONFIRM_RECEIPT, BUYER_CANCEL, MERCHANT_CANCEL, EXPIRE
}
