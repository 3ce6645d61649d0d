package dev.tradewind.checkout.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A guest cart's bearer secret: 256 random bits, base64url. Only its SHA-256 is stored, so a database read gives
 * nobody a working token; the hash is what a guest cart is looked up and compared by.
 */
public final class CartToken {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BYTES = 32;

  private CartToken() {
  }

  public static String generate() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The stored form of a token; null for none, so an absent token matches no cart. */
  public static byte[] hash(String token) {
    if (token == null || token.isBlank()) {
      return null;
    }
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  public static boolean matches(byte[] presentedHash, byte[] storedHash) {
    return presentedHash != null && storedHash != null && MessageDigest.isEqual(presentedHash, storedHash);
  }
}
