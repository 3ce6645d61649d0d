package dev.tradewind.catalog.application;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An upload's size in rows decides between answering at once and queuing a job")
class ImportUploadTest {

  @Test
  @DisplayName("JSON counts its elements; CSV counts the lines after the header, with or without a final newline")
  void rowEstimates() {
    assertThat(ImportUpload.json(new JsonArray().add(new JsonObject()).add(new JsonObject())).rowEstimate()).isEqualTo(2);
    assertThat(ImportUpload.csv(Buffer.buffer("a,b\n1,2\n3,4\n")).rowEstimate()).isEqualTo(2);
    assertThat(ImportUpload.csv(Buffer.buffer("a,b\n1,2\n3,4")).rowEstimate()).isEqualTo(2);
    assertThat(ImportUpload.csv(Buffer.buffer("a,b\n")).rowEstimate()).isZero();
    assertThat(ImportUpload.csv(Buffer.buffer("")).rowEstimate()).isZero();
  }

  @Test
  @DisplayName("a stored upload comes back as the bytes it was stored with")
  void storedBytes() {
    JsonArray rows = new JsonArray().add(new JsonObject().put("skuCode", "A"));
    ImportUpload stored = ImportUpload.stored(ImportUpload.Format.JSON, ImportUpload.json(rows).bytes());
    assertThat(stored.rowEstimate()).isEqualTo(1);
    assertThat(new JsonArray(stored.bytes())).isEqualTo(rows);
  }
}
