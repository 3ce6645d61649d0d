package dev.tradewind.identity.domain;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * The opaque "where the last page ended" token of audit queries: the last seq seen, base64url-encoded, so
 * callers pass it back untouched instead of building on how it is made.
 */
public final class AuditCursor {
  private static final int MAX_SHOWN = 40;

  private AuditCursor() {
  }

  public static String encode(long seq) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
  }

  /** The seq a cursor stands for; a malformed one is an {@link IllegalArgumentException} saying so. */
  public static long decode(String cursor) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw malformed(cursor);
    }
    if (bytes.length != Long.BYTES) {
      throw malformed(cursor);
    }
    long seq = ByteBuffer.wrap(bytes).getLong();
    if (seq < 1) {
      throw malformed(cursor);
    }
    return seq;
  }

  private static IllegalArgumentException malformed(String cursor) {
    String shown = cursor.length() > MAX_SHOWN ? cursor.substring(0, MAX_SHOWN) + "…" : cursor;
    return new IllegalArgumentException("malformed cursor '" + shown
      + "': pass back the nextCursor of the previous page unchanged");
  }
}
