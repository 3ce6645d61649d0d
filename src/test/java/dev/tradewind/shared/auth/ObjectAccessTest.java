package dev.tradewind.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ObjectAccessTest {

  private static final UUID ALICE_ID = UUID.fromString("00000000-0000-0000-0000-00000000a11c");
  private static final UUID ACME_ID = UUID.fromString("00000000-0000-0000-0000-00000000ac3e");
  private static final String OTHER_MERCHANT = "00000000-0000-0000-0000-000000000b0b";

  private static final Caller ALICE = new Caller(ALICE_ID.toString(), "session-a", Set.of("BUYER"), null);
  private static final Caller BOB = new Caller("00000000-0000-0000-0000-000000000b0b", "session-b", Set.of("BUYER"),
    null);
  private static final Caller SUPPORT = new Caller("support-1", "session-s", Set.of("SUPPORT"), null);

  private static Caller staffOf(Object merchantId, String role) {
    return new Caller("staff-" + role, "session-" + role, Set.of(role), merchantId.toString());
  }

  private static void assertNotFound(ThrowingCallable call) {
    assertProblem(call, ProblemType.NOT_FOUND);
  }

  private static void assertProblem(ThrowingCallable call, ProblemType type) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
      Problem problem = e.problem();
      assertThat(problem.status()).isEqualTo(type.status());
      assertThat(problem.type()).isEqualTo(Problem.TYPE_PREFIX + type.slug());
    });
  }

  @Nested
  @DisplayName("an object that belongs to a user")
  class OwnedByAUser {

    @Test
    @DisplayName("reaches its owner, the owner id compared as text whatever its type")
    void ownerPasses() {
      assertThatCode(() -> ObjectAccess.requireOwner(ALICE, ALICE_ID, "order")).doesNotThrowAnyException();
      assertThatCode(() -> ObjectAccess.requireOwner(ALICE, ALICE_ID.toString(), "order"))
        .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("is answered to another user as missing (404), never as forbidden")
    void anotherUserSeesNothing() {
      assertNotFound(() -> ObjectAccess.requireOwner(BOB, ALICE_ID, "order"));
    }

    @Test
    @DisplayName("is answered to an anonymous caller as missing (404)")
    void anonymousSeesNothing() {
      assertNotFound(() -> ObjectAccess.requireOwner(Caller.ANONYMOUS, ALICE_ID, "order"));
    }

    @Test
    @DisplayName("without an owner reaches no one, not even an anonymous caller whose user id is also null")
    void noOwnerMeansNoOne() {
      assertNotFound(() -> ObjectAccess.requireOwner(ALICE, null, "order"));
      assertNotFound(() -> ObjectAccess.requireOwner(Caller.ANONYMOUS, null, "order"));
    }

    @Test
    @DisplayName("refused looks exactly like one that does not exist, so an id reveals nothing")
    void refusalIsIndistinguishableFromMissing() {
      assertThatThrownBy(() -> ObjectAccess.requireOwner(BOB, ALICE_ID, "order"))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(ObjectAccess.notFound("order").problem()));
    }

    @Test
    @DisplayName("reaches platform staff holding the staff permission, and its owner, but no other user")
    void ownerOrStaff() {
      assertThatCode(() -> ObjectAccess.requireOwnerOrStaff(SUPPORT, ALICE_ID, Permission.ADMIN_ORDERS_READ,
        "order")).doesNotThrowAnyException();
      assertThatCode(() -> ObjectAccess.requireOwnerOrStaff(ALICE, ALICE_ID, Permission.ADMIN_ORDERS_READ,
        "order")).doesNotThrowAnyException();
      assertNotFound(() -> ObjectAccess.requireOwnerOrStaff(BOB, ALICE_ID, Permission.ADMIN_ORDERS_READ, "order"));
      assertNotFound(() -> ObjectAccess.requireOwnerOrStaff(Caller.ANONYMOUS, ALICE_ID,
        Permission.ADMIN_ORDERS_READ, "order"));
    }

    @Test
    @DisplayName("does not reach staff whose role lacks the permission named")
    void staffWithoutThePermission() {
      assertNotFound(() -> ObjectAccess.requireOwnerOrStaff(SUPPORT, ALICE_ID, Permission.FINANCE_REFUND, "order"));
    }

    @Test
    @DisplayName("is not opened to every signed-in user by naming PUBLIC or AUTHENTICATED as the staff permission")
    void publicOrAuthenticatedIsNoStaffPermission() {
      assertNotFound(() -> ObjectAccess.requireOwnerOrStaff(BOB, ALICE_ID, Permission.AUTHENTICATED, "order"));
      assertNotFound(() -> ObjectAccess.requireOwnerOrStaff(BOB, ALICE_ID, Permission.PUBLIC, "order"));
      assertNotFound(() -> ObjectAccess.requireOwnerOrStaff(Caller.ANONYMOUS, ALICE_ID, Permission.PUBLIC,
        "order"));
    }
  }

  @Nested
  @DisplayName("an object that belongs to a merchant")
  class OwnedByAMerchant {

    @Test
    @DisplayName("reaches the merchant's staff whose role grants the permission")
    void sameMerchantWithTheRolePasses() {
      assertThatCode(() -> ObjectAccess.requireMerchant(staffOf(ACME_ID, "CATALOG_EDITOR"), ACME_ID,
        Permission.CATALOG_EDIT, "product")).doesNotThrowAnyException();
      assertThatCode(() -> ObjectAccess.requireMerchant(staffOf(ACME_ID, "MERCHANT_OWNER"), ACME_ID.toString(),
        Permission.MERCHANT_STAFF_MANAGE, "membership")).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("is forbidden (403) to the merchant's own staff whose role does not grant it: they know it exists")
    void sameMerchantWithoutTheRoleIsForbidden() {
      assertProblem(() -> ObjectAccess.requireMerchant(staffOf(ACME_ID, "ORDER_HANDLER"), ACME_ID,
        Permission.CATALOG_EDIT, "product"), ProblemType.FORBIDDEN);
      assertProblem(() -> ObjectAccess.requireMerchant(staffOf(ACME_ID, "CATALOG_EDITOR"), ACME_ID,
        Permission.MERCHANT_STAFF_MANAGE, "membership"), ProblemType.FORBIDDEN);
    }

    @Test
    @DisplayName("is missing (404), never forbidden, to another merchant's owner")
    void otherMerchantSeesNothing() {
      assertNotFound(() -> ObjectAccess.requireMerchant(staffOf(OTHER_MERCHANT, "MERCHANT_OWNER"), ACME_ID,
        Permission.CATALOG_EDIT, "product"));
      assertNotFound(() -> ObjectAccess.requireMerchant(staffOf(OTHER_MERCHANT, "ORDER_HANDLER"), ACME_ID,
        Permission.CATALOG_EDIT, "product"));
    }

    @Test
    @DisplayName("is missing (404) to callers who work for no merchant: buyers, platform admins, anonymous callers")
    void noMerchantSeesNothing() {
      Caller admin = new Caller("admin-1", "session-x", Set.of("ADMIN"), null);
      assertNotFound(() -> ObjectAccess.requireMerchant(ALICE, ACME_ID, Permission.CATALOG_EDIT, "product"));
      assertNotFound(() -> ObjectAccess.requireMerchant(admin, ACME_ID, Permission.CATALOG_EDIT, "product"));
      assertNotFound(() -> ObjectAccess.requireMerchant(Caller.ANONYMOUS, ACME_ID, Permission.PUBLIC, "product"));
    }

    @Test
    @DisplayName("without a merchant reaches no one, not even a caller who works for no merchant either")
    void noMerchantIdReachesNoOne() {
      assertNotFound(() -> ObjectAccess.requireMerchant(ALICE, null, Permission.AUTHENTICATED, "product"));
      assertNotFound(() -> ObjectAccess.requireMerchant(staffOf(ACME_ID, "MERCHANT_OWNER"), null,
        Permission.CATALOG_EDIT, "product"));
    }
  }
}
