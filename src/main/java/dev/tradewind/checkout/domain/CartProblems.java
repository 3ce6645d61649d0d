package dev.tradewind.checkout.domain;

import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.ProblemException;
import dev.tradewind.shared.api.ProblemType;

import java.util.List;

/** The 422 problems of carts, each naming the field and the rule. */
public final class CartProblems {
  private CartProblems() {
  }

  public static ProblemException unknownSku() {
    return unprocessable("skuId", "sellable", "No published SKU with this id.");
  }

  public static ProblemException keyReused() {
    return unprocessable("Idempotency-Key", "same-request",
      "This Idempotency-Key was used for a different add to this cart.");
  }

  public static ProblemException unprocessable(String field, String rule, String message) {
    ProblemType type = ProblemType.UNPROCESSABLE;
    return new ProblemException(new Problem(Problem.TYPE_PREFIX + type.slug(), type.title(), type.status(), message,
      null, null, List.of(new Problem.FieldError(field, rule, message))));
  }
}
