package dev.tradewind.shared.auth;

import java.util.Locale;

/**
 * What an API operation needs. Every operation in the OpenAPI document declares one as {@code x-permission}
 * and its context declares the same when it registers the handler; the edge refuses to start otherwise.
 */
public enum Permission {
  /** Anyone, signed in or not. */
  PUBLIC,
  /** Any signed-in user or service account; objects are then checked against their owner. */
  AUTHENTICATED,
  /** A signed-in person (never a service account): their own profile, addresses, merchant applications. */
  USER,
  BUYER_SHOP,
  MERCHANT_READ,
  MERCHANT_STAFF_MANAGE,
  CATALOG_EDIT,
  MERCHANT_ORDERS_HANDLE,
  ADMIN_MERCHANTS_DECIDE,
  ADMIN_USERS_MANAGE,
  ADMIN_AUDIT_READ,
  ADMIN_KEYS_ROTATE,
  ADMIN_SERVICE_ACCOUNTS_MANAGE,
  ADMIN_CATALOG_MANAGE,
  ADMIN_ORDERS_READ,
  /** Move orders by hand (mark paid, mark delivered) until payments and logistics exist; audited. */
  ADMIN_ORDERS_MANAGE,
  FINANCE_REFUND,
  LOGISTICS_REPORT,
  PAYMENTS_REPORT;

  /** The name used in the OpenAPI document, e.g. {@code merchant.staff.manage}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '.');
  }

  public static Permission fromKey(String key) {
    for (Permission permission : values()) {
      if (permission.key().equals(key)) {
        return permission;
      }
    }
    return null;
  }
}
