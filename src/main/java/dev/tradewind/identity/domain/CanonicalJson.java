package dev.tradewind.identity.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * One spelling for every JSON value that means the same: object keys sorted, no whitespace, numbers as their
 * exact decimal value ({@code 1.50}, {@code 1.5e0} and {@code 15E-1} are all {@code 15e-1}). It has to survive a
 * round trip through PostgreSQL's jsonb, which reorders keys and respells numbers, or a stored entry would no
 * longer match the hash taken when it was written.
 */
public final class CanonicalJson {
  private static final JsonMapper MAPPER = JsonMapper.builder()
    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
    .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
    .build();

  private CanonicalJson() {
  }

  public static String of(String json) {
    try {
      StringBuilder out = new StringBuilder(json.length());
      write(MAPPER.readTree(json), out);
      return out.toString();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      writeObject(node, out);
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(node.get(i), out);
      }
      out.append(']');
    } else if (node.isNumber()) {
      writeNumber(node.decimalValue(), out);
    } else if (node.isTextual()) {
      writeString(node.textValue(), out);
    } else {
      out.append(node.asText());
    }
  }

  private static void writeObject(JsonNode node, StringBuilder out) {
    Map<String, JsonNode> sorted = new TreeMap<>();
    node.properties().forEach(field -> sorted.put(field.getKey(), field.getValue()));
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, JsonNode> field : sorted.entrySet()) {
      out.append(first ? "" : ",");
      first = false;
      writeString(field.getKey(), out);
      out.append(':');
      write(field.getValue(), out);
    }
    out.append('}');
  }

  /** Unscaled digits and a power of ten: exact, one spelling, and short even for 1e999999999. */
  private static void writeNumber(BigDecimal value, StringBuilder out) {
    BigDecimal normal = value.stripTrailingZeros();
    out.append(normal.unscaledValue());
    if (normal.scale() != 0) {
      out.append('e').append(-normal.scale());
    }
  }

  private static void writeString(String value, StringBuilder out) {
    out.append('"');
    JsonStringEncoder.getInstance().quoteAsString(value, out);
    out.append('"');
  }
}
