package dev.tradewind.identity.domain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * The link of the audit hash chain: {@code SHA-256(prevHash || canonical(entry))}. The canonical form is
 * binary and length-prefixed, so no two different entries share it (no separator a value could forge), and it
 * starts with a version tag so a future form can be told apart from this one. In order: the tag, seq (8 bytes),
 * id, occurred_at in epoch microseconds (8 bytes), actor_kind, actor_id, action, target_type, target_id,
 * client_address, request_id, context, details as {@link CanonicalJson}; each id or text after a presence byte
 * (0 absent, 1 present), texts as UTF-8 after their 4-byte length, all big-endian. Anyone can re-check the
 * trail from this description alone.
 */
public final class AuditHash {
  public static final int LENGTH = 32;
  private static final byte[] VERSION = "tradewind.audit.v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte ABSENT = 0;
  private static final byte PRESENT = 1;

  private AuditHash() {
  }

  /** The {@code prevHash} of the first entry. */
  public static byte[] genesis() {
    return new byte[LENGTH];
  }

  public static byte[] of(byte[] prevHash, AuditFacts facts) {
    if (prevHash == null || prevHash.length != LENGTH) {
      throw new IllegalArgumentException("a previous hash is " + LENGTH + " bytes");
    }
    MessageDigest sha256 = sha256();
    sha256.update(prevHash);
    sha256.update(canonical(facts));
    return sha256.digest();
  }

  static byte[] canonical(AuditFacts f) {
    Writer out = new Writer();
    out.bytes(VERSION);
    out.fixed(ByteBuffer.allocate(Long.BYTES).putLong(f.seq()).array());
    out.uuid(f.id());
    out.fixed(ByteBuffer.allocate(Long.BYTES).putLong(epochMicros(f.occurredAt())).array());
    out.text(f.actorKind());
    out.uuid(f.actorId());
    out.text(f.action());
    out.text(f.targetType());
    out.text(f.targetId());
    out.text(f.clientAddress());
    out.text(f.requestId());
    out.text(f.context());
    out.text(f.detailsJson() == null ? null : CanonicalJson.of(f.detailsJson()));
    return out.toByteArray();
  }

  /** PostgreSQL keeps microseconds, so that is all the hash may cover. */
  static long epochMicros(Instant at) {
    return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static final class Writer extends ByteArrayOutputStream {
    void fixed(byte[] value) {
      writeBytes(value);
    }

    void bytes(byte[] value) {
      fixed(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
      fixed(value);
    }

    void text(String value) {
      if (value == null) {
        write(ABSENT);
      } else {
        write(PRESENT);
        bytes(value.getBytes(StandardCharsets.UTF_8));
      }
    }

    void uuid(UUID value) {
      if (value == null) {
        write(ABSENT);
      } else {
        write(PRESENT);
        fixed(ByteBuffer.allocate(2 * Long.BYTES).putLong(value.getMostSignificantBits())
          .putLong(value.getLeastSignificantBits()).array());
      }
    }
  }
}
