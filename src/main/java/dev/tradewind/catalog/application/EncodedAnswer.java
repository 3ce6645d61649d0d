package dev.tradewind.catalog.application;

import dev.tradewind.shared.json.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** A cacheable answer as it goes out: its bytes, and the strong ETag made of their digest. */
public record EncodedAnswer(Buffer body, String etag) {
  public static EncodedAnswer of(JsonObject answer) {
    Buffer encoded = Json.buffer(answer);
    return new EncodedAnswer(encoded, "\"" + digest(encoded.getBytes()) + "\"");
  }

  private static String digest(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
