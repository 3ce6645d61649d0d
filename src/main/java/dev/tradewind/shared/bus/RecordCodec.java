package dev.tradewind.shared.bus;

import dev.tradewind.shared.json.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;

import java.nio.charset.StandardCharsets;

/**
 * The single event-bus codec for contract records: JSON (with the record's class) on the wire, and for local
 * delivery the very same instance, because records are immutable and copying them would only cost time.
 */
public final class RecordCodec implements MessageCodec<Record, Record> {
  public static final String NAME = "tradewind-record";
  private static final String TRUSTED_PACKAGE = "dev.tradewind.";

  public static void register(EventBus bus) {
    bus.registerCodec(new RecordCodec());
    bus.codecSelector(body -> body instanceof Record ? NAME : null);
  }

  @Override
  public void encodeToWire(Buffer buffer, Record value) {
    byte[] type = value.getClass().getName().getBytes(StandardCharsets.UTF_8);
    byte[] json = Json.bytes(value);
    buffer.appendInt(type.length).appendBytes(type).appendInt(json.length).appendBytes(json);
  }

  @Override
  public Record decodeFromWire(int pos, Buffer buffer) {
    int typeLength = buffer.getInt(pos);
    String type = buffer.getString(pos + 4, pos + 4 + typeLength, "UTF-8");
    int jsonStart = pos + 4 + typeLength;
    int jsonLength = buffer.getInt(jsonStart);
    byte[] json = buffer.getBytes(jsonStart + 4, jsonStart + 4 + jsonLength);
    return (Record) Json.read(json, recordType(type));
  }

  /** Only Tradewind's own records may be named on the wire: nothing else is even loaded, let alone built. */
  private static Class<?> recordType(String type) {
    if (!type.startsWith(TRUSTED_PACKAGE)) {
      throw new IllegalStateException("refusing a non-Tradewind type on the wire: " + type);
    }
    try {
      Class<?> candidate = Class.forName(type, false, RecordCodec.class.getClassLoader());
      if (!candidate.isRecord()) {
        throw new IllegalStateException("refusing a type that is not a record on the wire: " + type);
      }
      return candidate;
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("unknown record type on the wire: " + type, e);
    }
  }

  @Override
  public Record transform(Record value) {
    return value;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
