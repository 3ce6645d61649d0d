package dev.tradewind.shared.api;

import dev.tradewind.shared.auth.Permission;
import dev.tradewind.shared.auth.Permissions;

import java.util.Set;

/**
 * Who is calling, as the edge established it from a verified access token: the user (or service account), the
 * session the token belongs to, the role names, and the merchant the user works for, if any. Contexts check
 * ownership against it themselves; {@link #ANONYMOUS} when no token was presented.
 */
public record Caller(String userId, String sessionId, Set<String> roles, String merchantId) {
  public static final Caller ANONYMOUS = new Caller(null, null, Set.of(), null);

  public Caller {
    roles = Set.copyOf(roles);
  }

  public boolean authenticated() {
    return userId != null;
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean may(Permission permission) {
    return Permissions.allows(roles, authenticated(), permission);
  }
}
