package dev.tradewind.identity.contract;

/** The roles a user can hold; permissions per role are defined in the identity context alone. */
public enum Role {
  BUYER, MERCHANT_OWNER, MERCHANT_ADMIN, CATALOG_EDITOR, ORDER_HANDLER, ADMIN, SUPPORT, FINANCE
}
