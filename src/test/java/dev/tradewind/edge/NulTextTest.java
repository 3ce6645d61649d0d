package dev.tradewind.edge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("NUL in a body is found where it is, and text that only spells it is not NUL")
class NulTextTest {

  @Test
  @DisplayName("a NUL in a nested member is named by its dotted path, array indexes included")
  void nested() {
    assertThat(find("{\"address\":{\"lines\":[\"ok\",\"a\\u0000b\"]}}")).isEqualTo("address.lines.1");
    assertThat(find("{\"ok\":\"x\",\"note\":\"\\u0000\"}")).isEqualTo("note");
  }

  @Test
  @DisplayName("a NUL in a member's name names that member")
  void inAName() {
    assertThat(find("{\"a\\u0000\":1}")).isEqualTo("a\u0000");
  }

  @Test
  @DisplayName("a top-level string, and a NUL byte in a body that is not JSON, are the body")
  void wholeBody() {
    assertThat(find("\"\\u0000\"")).isEqualTo("body");
    assertThat(NulText.find(Buffer.buffer(new byte[]{'a', ',', 0, '\n'}), null)).isEqualTo("body");
  }

  @Test
  @DisplayName("an escaped backslash before u0000, and plain text, hold no NUL")
  void noNul() {
    assertThat(find("{\"note\":\"C:\\\\u0000\"}")).isNull();
    assertThat(find("{\"note\":\"u0000 is how JSON spells it\"}")).isNull();
    assertThat(NulText.find(Buffer.buffer("sku,qty\nA,1\n"), null)).isNull();
  }

  private static String find(String json) {
    Buffer raw = Buffer.buffer(json);
    return NulText.find(raw, Json.decodeValue(raw));
  }
}
