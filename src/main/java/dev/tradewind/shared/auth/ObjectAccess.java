package dev.tradewind.shared.auth;

import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;

import java.util.Objects;

/**
 * Object-level checks every context makes on the objects it owns. Someone else's object is answered exactly
 * as a missing one (404), so an identifier reveals nothing about whether the object exists.
 */
public final class ObjectAccess {
  private ObjectAccess() {
  }

  /** The object belongs to a user (a buyer's cart, order, address): only that user reaches it. */
  public static void requireOwner(Caller caller, Object ownerUserId, String what) {
    if (!caller.authenticated() || ownerUserId == null || !caller.userId().equals(ownerUserId.toString())) {
      throw notFound(what);
    }
  }

  /** Like {@link #requireOwner} but platform staff holding {@code staffPermission} may read it too. */
  public static void requireOwnerOrStaff(Caller caller, Object ownerUserId, Permission staffPermission, String what) {
    if (caller.may(staffPermission) && staffPermission != Permission.PUBLIC && staffPermission != Permission.AUTHENTICATED) {
      return;
    }
    requireOwner(caller, ownerUserId, what);
  }

  /**
   * The object belongs to a merchant (a product, a fulfilment): only that merchant's staff reach it, and only
   * with a role that grants {@code needed}. Staff of another merchant get 404; the merchant's own staff without
   * the role get 403, since they already know the object exists.
   */
  public static void requireMerchant(Caller caller, Object merchantId, Permission needed, String what) {
    if (!caller.authenticated() || merchantId == null || !Objects.equals(caller.merchantId(), merchantId.toString())) {
      throw notFound(what);
    }
    if (!caller.may(needed)) {
      throw new ProblemException(ProblemType.FORBIDDEN, "Your role in this merchant does not allow this.");
    }
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(ProblemType.NOT_FOUND, "No " + what + " with this id.");
  }
}
