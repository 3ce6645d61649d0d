package dev.tradewind.shared.auth;

import static dev.tradewind.shared.auth.Permission.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PermissionsTest {

  private static final Set<Permission> MERCHANT_PERMISSIONS =
    EnumSet.of(MERCHANT_READ, MERCHANT_STAFF_MANAGE, CATALOG_EDIT, MERCHANT_ORDERS_HANDLE);

  private static boolean signedInAs(String role, Permission needed) {
    return Permissions.allows(List.of(role), true, needed);
  }

  private static void assertMay(String role, Permission... permissions) {
    for (Permission permission : permissions) {
      assertThat(signedInAs(role, permission)).as("%s may %s", role, permission).isTrue();
    }
  }

  private static void assertMayNot(String role, Permission... permissions) {
    for (Permission permission : permissions) {
      assertThat(signedInAs(role, permission)).as("%s may not %s", role, permission).isFalse();
    }
  }

  @ParameterizedTest(name = "signed in: {0}")
  @ValueSource(booleans = {false, true})
  @DisplayName("a PUBLIC operation is open to anyone, signed in or not, with or without roles")
  void publicAllowsAnyone(boolean authenticated) {
    assertThat(Permissions.allows(List.of(), authenticated, PUBLIC)).isTrue();
    assertThat(Permissions.allows(List.of("NOT_A_ROLE"), authenticated, PUBLIC)).isTrue();
  }

  @Test
  @DisplayName("an AUTHENTICATED operation needs a signed-in caller, whatever roles they hold or lack")
  void authenticatedNeedsASignedInCaller() {
    assertThat(Permissions.allows(List.of(), false, AUTHENTICATED)).isFalse();
    assertThat(Permissions.allows(List.of("ADMIN"), false, AUTHENTICATED)).isFalse();
    assertThat(Permissions.allows(List.of(), true, AUTHENTICATED)).isTrue();
    assertThat(Permissions.allows(List.of("BUYER"), true, AUTHENTICATED)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Permission.class, mode = EnumSource.Mode.EXCLUDE, names = {"PUBLIC", "AUTHENTICATED"})
  @DisplayName("a caller who is not signed in is refused every role-guarded operation, even holding every role")
  void anonymousHoldsNoRoles(Permission needed) {
    List<String> everyRole = Arrays.stream(Role.values()).map(Role::name).toList();

    assertThat(Permissions.allows(everyRole, false, needed)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"MERCHANT_OWNER", "MERCHANT_ADMIN"})
  @DisplayName("a merchant's owner and admins do everything in the merchant, managing staff included")
  void ownerAndAdminRunTheMerchant(String role) {
    assertThat(Permissions.grantedTo(Role.valueOf(role))).containsExactlyInAnyOrderElementsOf(MERCHANT_PERMISSIONS);
    assertMay(role, MERCHANT_STAFF_MANAGE, CATALOG_EDIT, MERCHANT_ORDERS_HANDLE);
    assertMayNot(role, ADMIN_MERCHANTS_DECIDE);
  }

  @Test
  @DisplayName("a catalogue editor edits the catalogue but neither manages staff nor handles orders")
  void catalogEditorOnlyEditsTheCatalogue() {
    assertMay("CATALOG_EDITOR", MERCHANT_READ, CATALOG_EDIT);
    assertMayNot("CATALOG_EDITOR", MERCHANT_STAFF_MANAGE, MERCHANT_ORDERS_HANDLE);
  }

  @Test
  @DisplayName("an order handler handles orders but neither edits the catalogue nor manages staff")
  void orderHandlerOnlyHandlesOrders() {
    assertMay("ORDER_HANDLER", MERCHANT_READ, MERCHANT_ORDERS_HANDLE);
    assertMayNot("ORDER_HANDLER", CATALOG_EDIT, MERCHANT_STAFF_MANAGE);
  }

  @Test
  @DisplayName("a buyer shops, and nothing a merchant, the staff or a service does")
  void buyerOnlyShops() {
    assertThat(Permissions.grantedTo(Role.BUYER)).containsExactly(BUYER_SHOP);
    assertMayNot("BUYER", MERCHANT_READ, ADMIN_ORDERS_READ, LOGISTICS_REPORT);
  }

  @Test
  @DisplayName("a platform admin holds every admin permission but acts inside no merchant and shops as no buyer")
  void adminRunsThePlatformNotTheMerchants() {
    Set<Permission> granted = Permissions.grantedTo(Role.ADMIN);

    assertThat(granted).allMatch(permission -> permission.name().startsWith("ADMIN_"));
    assertThat(granted).containsAll(Arrays.stream(Permission.values())
      .filter(permission -> permission.name().startsWith("ADMIN_")).toList());
    assertThat(granted).doesNotContainAnyElementsOf(MERCHANT_PERMISSIONS).doesNotContain(BUYER_SHOP, FINANCE_REFUND);
  }

  @Test
  @DisplayName("support manages users and reads orders, but rotates no keys, decides no merchants and refunds nothing")
  void supportHelpsUsers() {
    assertMay("SUPPORT", ADMIN_USERS_MANAGE, ADMIN_ORDERS_READ);
    assertMayNot("SUPPORT", ADMIN_KEYS_ROTATE, ADMIN_MERCHANTS_DECIDE, FINANCE_REFUND);
  }

  @Test
  @DisplayName("finance reads orders and refunds, and manages no users")
  void financeRefunds() {
    assertThat(Permissions.grantedTo(Role.FINANCE)).containsExactlyInAnyOrder(ADMIN_ORDERS_READ, FINANCE_REFUND);
    assertMayNot("FINANCE", ADMIN_USERS_MANAGE);
  }

  @Test
  @DisplayName("a service account reports for its own trade only: logistics reports shipments, a provider payments")
  void serviceRolesReportOnlyTheirOwnTrade() {
    assertThat(Permissions.grantedTo(Role.LOGISTICS_PARTNER)).containsExactly(LOGISTICS_REPORT);
    assertThat(Permissions.grantedTo(Role.PAYMENT_PROVIDER)).containsExactly(PAYMENTS_REPORT);
    assertMayNot("LOGISTICS_PARTNER", PAYMENTS_REPORT);
    assertMayNot("PAYMENT_PROVIDER", LOGISTICS_REPORT, FINANCE_REFUND);
  }

  @Test
  @DisplayName("a caller with several roles may do what any one of them grants")
  void severalRolesAddUp() {
    List<String> roles = List.of("BUYER", "CATALOG_EDITOR");

    assertThat(Permissions.allows(roles, true, BUYER_SHOP)).isTrue();
    assertThat(Permissions.allows(roles, true, CATALOG_EDIT)).isTrue();
    assertThat(Permissions.allows(roles, true, MERCHANT_ORDERS_HANDLE)).isFalse();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"admin", "Admin", "ROOT", "SUPERUSER", "", " ADMIN", "MERCHANT", "merchant.staff.manage"})
  @DisplayName("a role name that is not exactly a role grants nothing (a token from elsewhere, a stale role)")
  void unknownRoleNamesGrantNothing(String name) {
    assertThat(Role.parse(name)).isNull();
    assertMayNot(name, EnumSet.complementOf(EnumSet.of(PUBLIC, AUTHENTICATED)).toArray(Permission[]::new));
  }

  @Test
  @DisplayName("a null among the role names is ignored, not a crash, and grants nothing")
  void aNullRoleNameGrantsNothing() {
    assertThat(Permissions.allows(Arrays.asList((String) null), true, BUYER_SHOP)).isFalse();
    assertThat(Permissions.allows(Arrays.asList(null, "BUYER"), true, BUYER_SHOP)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Permission.class)
  @DisplayName("every permission's OpenAPI key reads back as the same permission")
  void keysRoundTrip(Permission permission) {
    assertThat(permission.key()).matches("[a-z]+(\\.[a-z]+)*");
    assertThat(Permission.fromKey(permission.key())).isSameAs(permission);
  }

  @Test
  @DisplayName("keys read as dotted lower case; a key that names no permission reads as null")
  void keysAreDottedLowerCase() {
    assertThat(MERCHANT_STAFF_MANAGE.key()).isEqualTo("merchant.staff.manage");
    assertThat(Permission.fromKey("MERCHANT_STAFF_MANAGE")).isNull();
    assertThat(Permission.fromKey("merchant.staff")).isNull();
    assertThat(Permission.fromKey(null)).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Role.class)
  @DisplayName("every role grants something, so a new role cannot be added and forgotten here")
  void everyRoleHasAGrant(Role role) {
    assertThat(Permissions.grantedTo(role)).isNotEmpty().doesNotContain(PUBLIC, AUTHENTICATED);
    assertThat(Role.parse(role.name())).isSameAs(role);
  }

  @Test
  @DisplayName("the grants handed out cannot be edited by whoever asked for them")
  void grantsAreReadOnly() {
    Set<Permission> granted = Permissions.grantedTo(Role.BUYER);

    assertThatThrownBy(() -> granted.add(ADMIN_KEYS_ROTATE)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(Permissions.grantedTo(Role.BUYER)).containsExactly(BUYER_SHOP);
  }
}
