package dev.tradewind.edge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/** Where a request body holds the NUL character, which PostgreSQL's text and jsonb cannot store. */
final class NulText {
  private static final byte[] NUL = {0};
  private static final byte[] ESCAPED_NUL = {'u', '0', '0', '0', '0'};

  private NulText() {
  }

  /**
   * The field (dotted, as the schema's problems name fields) of the first string or member name holding U+0000 in
   * {@code json}, decoded from {@code raw}; {@code "body"} for the body itself or a NUL byte in a body that is not JSON;
   * null when there is none.
   */
  static String find(Buffer raw, Object json) {
    if (json == null) {
      return contains(raw, NUL) ? "body" : null;
    }
    // Decoded JSON can hold NUL only through the \u0000 escape, so a body without it is settled by one scan.
    return contains(raw, ESCAPED_NUL) ? at("", json) : null;
  }

  private static String at(String field, Object value) {
    if (value instanceof String text) {
      return text.indexOf('\0') >= 0 ? (field.isEmpty() ? "body" : field) : null;
    }
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, Object> member : object) {
        String name = child(field, member.getKey());
        String found = member.getKey().indexOf('\0') >= 0 ? name : at(name, member.getValue());
        if (found != null) {
          return found;
        }
      }
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        String found = at(child(field, String.valueOf(i)), array.getValue(i));
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String child(String field, String name) {
    return field.isEmpty() ? name : field + "." + name;
  }

  private static boolean contains(Buffer raw, byte[] needle) {
    int last = raw.length() - needle.length;
    for (int i = 0; i <= last; i++) {
      int j = 0;
      while (j < needle.length && raw.getByte(i + j) == needle[j]) {
        j++;
      }
      if (j == needle.length) {
        return true;
      }
    }
    return false;
  }
}
