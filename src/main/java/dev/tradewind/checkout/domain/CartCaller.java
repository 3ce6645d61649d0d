package dev.tradewind.checkout.domain;

/** Who asks for a cart: the signed-in user's id (or null) and the hash of the guest token presented (or null). */
public record CartCaller(String userId, byte[] tokenHash) {
  public static CartCaller of(String userId, String cartToken) {
    return new CartCaller(userId, CartToken.hash(cartToken));
  }
}
