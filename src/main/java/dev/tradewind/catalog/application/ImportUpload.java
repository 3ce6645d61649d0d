package dev.tradewind.catalog.application;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;

/**
 * A merchant's upload as it arrived: a JSON array of rows (already parsed by the edge's validator) or the bytes of
 * a CSV file. {@link #bytes()} and {@link #rowEstimate()} may take a while on a large upload: call them off the
 * event loop.
 */
public record ImportUpload(Format format, JsonArray json, Buffer csv) {
  public enum Format { JSON, CSV }

  public static ImportUpload json(JsonArray rows) {
    return new ImportUpload(Format.JSON, rows, null);
  }

  public static ImportUpload csv(Buffer bytes) {
    return new ImportUpload(Format.CSV, null, bytes);
  }

  public static ImportUpload stored(Format format, Buffer bytes) {
    return format == Format.CSV ? csv(bytes) : new ImportUpload(Format.JSON, null, bytes);
  }

  public Buffer bytes() {
    return format == Format.CSV || json == null ? csv : json.toBuffer();
  }

  /**
   * Rows the upload holds, for choosing between answering at once and queuing a job: exact for JSON, and for CSV
   * the lines after the header (at least the rows: a quoted value may span lines).
   */
  public int rowEstimate() {
    if (format == Format.JSON) {
      return json != null ? json.size() : new JsonArray(csv).size();
    }
    int lines = 0;
    byte[] bytes = csv.getBytes();
    for (byte b : bytes) {
      if (b == '\n') {
        lines++;
      }
    }
    boolean unterminated = bytes.length > 0 && bytes[bytes.length - 1] != '\n';
    return Math.max(0, lines + (unterminated ? 1 : 0) - 1);
  }
}
