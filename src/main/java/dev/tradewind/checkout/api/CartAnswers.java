package dev.tradewind.checkout.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.tradewind.checkout.domain.CartView;

import java.util.List;
import java.util.UUID;

/**
 * What the cart operations answer: the cart's own fields with what the operation adds beside them, as records the
 * edge encodes once (a cart copied into a map first cost more than its pricing).
 */
final class CartAnswers {
  private CartAnswers() {
  }

  /** An add's answer: the cart and the line the add wrote. */
  record Added(@JsonUnwrapped CartView cart, UUID lineId) {
  }

  /** The token only for a new guest cart; what a merge did only when a signed-in buyer brought a guest token. */
  record Opened(@JsonUnwrapped CartView cart, @JsonInclude(JsonInclude.Include.NON_NULL) String cartToken,
                @JsonInclude(JsonInclude.Include.NON_NULL) Boolean merged,
                @JsonInclude(JsonInclude.Include.NON_NULL) List<UUID> leftOut) {
  }
}
