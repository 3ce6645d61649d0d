package dev.tradewind.catalog.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON array of products one element at a time, so a large upload is never held as one tree. Floats are
 * read as exact decimals with their trailing zeros, as a price must not pass through a binary float.
 */
final class JsonProductReader {
  private static final JsonMapper MAPPER = JsonMapper.builder()
    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
    .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
    .build();

  private JsonProductReader() {
  }

  static List<DraftRow> read(InputStream upload) {
    try (JsonParser parser = MAPPER.createParser(new LimitedInputStream(upload, ImportLimits.MAX_BYTES))) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new ImportFileException("the upload is empty");
      }
      if (first != JsonToken.START_ARRAY) {
        throw new ImportFileException("a JSON upload must be an array of product rows");
      }
      List<DraftRow> drafts = readElements(parser);
      if (parser.nextToken() != null) {
        throw new ImportFileException("the upload goes on after the array of product rows");
      }
      if (drafts.isEmpty()) {
        throw new ImportFileException("the upload holds no product rows");
      }
      return drafts;
    } catch (JsonProcessingException notJson) {
      throw new ImportFileException("the upload is not valid JSON: " + notJson.getOriginalMessage()
        + " (line " + notJson.getLocation().getLineNr() + ")");
    } catch (IOException unreadable) {
      throw new ImportFileException("the upload cannot be read: " + unreadable.getMessage(), unreadable);
    }
  }

  private static List<DraftRow> readElements(JsonParser parser) throws IOException {
    List<DraftRow> drafts = new ArrayList<>();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token == null) {
        throw new ImportFileException("the upload ends before the array of product rows is closed");
      }
      if (drafts.size() == ImportLimits.MAX_ROWS) {
        throw new ImportTooLargeException("an upload may hold at most " + ImportLimits.MAX_ROWS + " rows");
      }
      JsonNode element = MAPPER.readTree(parser);
      drafts.add(draft(drafts.size() + 1, element));
    }
    return drafts;
  }

  private static DraftRow draft(int line, JsonNode element) {
    if (!element.isObject()) {
      Rejections errors = new Rejections(line, null);
      errors.add(null, "type", "each element of the array must be an object");
      return new DraftRow(line, null, errors.list());
    }
    Rejections errors = new Rejections(line, null);
    return DraftRows.read(line, new JsonRowSource(element, errors), errors);
  }
}
