package dev.tradewind.shared.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON mapping of the platform. It configures Vert.x's own mapper so that {@code JsonObject.mapFrom},
 * the event-bus codec and HTTP bodies agree: ISO-8601 instants, records by their components, unknown fields
 * ignored on read (a newer producer may add fields to an event).
 */
public final class Json {
  private static final ObjectMapper MAPPER = configure(DatabindCodec.mapper());

  private Json() {
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper.registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Buffer buffer(Object value) {
    return Buffer.buffer(bytes(value));
  }

  public static String string(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonObject object(Object value) {
    return value instanceof JsonObject json ? json : new JsonObject(MAPPER.convertValue(value, java.util.Map.class));
  }

  public static <T> T read(byte[] json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <T> T convert(Object json, Class<T> type) {
    Object plain = json instanceof JsonObject o ? o.getMap() : json;
    return MAPPER.convertValue(plain, type);
  }
}
