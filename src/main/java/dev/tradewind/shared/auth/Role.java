package dev.tradewind.shared.auth;

/**
 * Every role on the platform. Platform roles live on the user; merchant roles on the user's membership of one
 * merchant organisation; service roles on machine accounts. What each may do is in {@link Permissions}.
 */
public enum Role {
  BUYER(Kind.PLATFORM),
  ADMIN(Kind.PLATFORM),
  SUPPORT(Kind.PLATFORM),
  FINANCE(Kind.PLATFORM),
  MERCHANT_OWNER(Kind.MERCHANT),
  MERCHANT_ADMIN(Kind.MERCHANT),
  CATALOG_EDITOR(Kind.MERCHANT),
  ORDER_HANDLER(Kind.MERCHANT),
  LOGISTICS_PARTNER(Kind.SERVICE),
  PAYMENT_PROVIDER(Kind.SERVICE);

  /** Where a role is held. */
  public enum Kind { PLATFORM, MERCHANT, SERVICE }

  private final Kind kind;

  Role(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** The role named, or null for a name that is not a role (a token from elsewhere, a stale role). */
  public static Role parse(String name) {
    for (Role role : values()) {
      if (role.name().equals(name)) {
        return role;
      }
    }
    return null;
  }
}
