package dev.tradewind.catalog.domain;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of reviews ended: the last review's creation time (to the microsecond, as stored) and id,
 * base64url-encoded so callers pass it back untouched. Reviews are listed by (createdAt, id) descending.
 */
public record ReviewCursor(Instant createdAt, UUID id) {
  private static final int BYTES = Long.BYTES * 3;
  private static final int MAX_SHOWN = 40;

  public String encode() {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
    ByteBuffer buffer = ByteBuffer.allocate(BYTES).putLong(micros)
      .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
  }

  /** The position a cursor stands for; a malformed one is an {@link IllegalArgumentException} saying so. */
  public static ReviewCursor decode(String cursor) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw malformed(cursor);
    }
    if (bytes.length != BYTES) {
      throw malformed(cursor);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    Instant createdAt = Instant.EPOCH.plus(buffer.getLong(), ChronoUnit.MICROS);
    return new ReviewCursor(createdAt, new UUID(buffer.getLong(), buffer.getLong()));
  }

  private static IllegalArgumentException malformed(String cursor) {
    String shown = cursor.length() > MAX_SHOWN ? cursor.substring(0, MAX_SHOWN) + "…" : cursor;
    return new IllegalArgumentException("malformed cursor '" + shown
      + "': pass back the nextCursor of the previous page unchanged");
  }
}
