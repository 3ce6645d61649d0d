package dev.tradewind.shared.auth;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.tradewind.shared.auth.Permission.*;

/** The one place that says which role may do what. */
public final class Permissions {
  private static final Map<Role, Set<Permission>> GRANTS = new EnumMap<>(Role.class);

  static {
    GRANTS.put(Role.BUYER, EnumSet.of(BUYER_SHOP));
    GRANTS.put(Role.MERCHANT_OWNER, EnumSet.of(MERCHANT_READ, MERCHANT_STAFF_MANAGE, CATALOG_EDIT, MERCHANT_ORDERS_HANDLE));
    GRANTS.put(Role.MERCHANT_ADMIN, EnumSet.of(MERCHANT_READ, MERCHANT_STAFF_MANAGE, CATALOG_EDIT, MERCHANT_ORDERS_HANDLE));
    GRANTS.put(Role.CATALOG_EDITOR, EnumSet.of(MERCHANT_READ, CATALOG_EDIT));
    GRANTS.put(Role.ORDER_HANDLER, EnumSet.of(MERCHANT_READ, MERCHANT_ORDERS_HANDLE));
    GRANTS.put(Role.ADMIN, EnumSet.of(ADMIN_MERCHANTS_DECIDE, ADMIN_USERS_MANAGE, ADMIN_AUDIT_READ, ADMIN_KEYS_ROTATE,
      ADMIN_SERVICE_ACCOUNTS_MANAGE, ADMIN_CATALOG_MANAGE, ADMIN_ORDERS_READ, ADMIN_ORDERS_MANAGE));
    GRANTS.put(Role.SUPPORT, EnumSet.of(ADMIN_USERS_MANAGE, ADMIN_ORDERS_READ));
    GRANTS.put(Role.FINANCE, EnumSet.of(ADMIN_ORDERS_READ, FINANCE_REFUND));
    GRANTS.put(Role.LOGISTICS_PARTNER, EnumSet.of(LOGISTICS_REPORT));
    GRANTS.put(Role.PAYMENT_PROVIDER, EnumSet.of(PAYMENTS_REPORT));
  }

  private Permissions() {
  }

  public static Set<Permission> grantedTo(Role role) {
    return Set.copyOf(GRANTS.getOrDefault(role, EnumSet.noneOf(Permission.class)));
  }

  /** Whether a caller holding these role names may do what the permission guards. */
  public static boolean allows(Collection<String> roleNames, boolean authenticated, Permission needed) {
    if (needed == PUBLIC) {
      return true;
    }
    if (!authenticated) {
      return false;
    }
    if (needed == AUTHENTICATED) {
      return true;
    }
    if (needed == USER) {
      return roleNames.stream().map(Role::parse)
        .anyMatch(role -> role != null && role.kind() != Role.Kind.SERVICE);
    }
    for (String name : roleNames) {
      Role role = Role.parse(name);
      if (role != null && GRANTS.getOrDefault(role, Set.of()).contains(needed)) {
        return true;
      }
    }
    return false;
  }
}
