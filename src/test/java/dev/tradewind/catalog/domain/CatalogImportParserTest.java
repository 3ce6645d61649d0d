package dev.tradewind.catalog.domain;

import static dev.tradewind.catalog.domain.ImportFixtures.csv;
import static dev.tradewind.catalog.domain.ImportFixtures.shoe;
import static dev.tradewind.catalog.domain.ImportFixtures.utf8;
import static dev.tradewind.catalog.domain.ImportFixtures.with;
import static dev.tradewind.catalog.domain.ImportFixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tradewind.catalog.domain.ProductRow.LocalizedContent;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CatalogImportParserTest {
  private final CatalogImportParser parser = new CatalogImportParser();

  private ImportParse parseCsv(List<Map<String, String>> rows) {
    return parseCsv(csv(rows));
  }

  private ImportParse parseCsv(String text) {
    return parser.parseCsv(utf8(text), StandardCharsets.UTF_8);
  }

  private ImportParse parseJson(String text) {
    return parser.parseJson(utf8(text));
  }

  private static List<Map<String, String>> shoes(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> shoe("S-" + i)).toList();
  }

  @Test
  @DisplayName("good rows go in and each bad row comes back with its spreadsheet line and every reason")
  void goodRowsAreAcceptedAndBadOnesExplained() {
    ImportParse parse = parseCsv(List.of(
      shoe("S-1"),
      with(shoe("S-2"), "listPrice", "89,90"),
      with(with(shoe("S-3"), "saleStartsAt", "28.11.2025"), "weightGrams", ""),
      shoe("S-4"),
      with(with(shoe("S-5"), "title", ""), "hsCode", "6404"),
      shoe("S-1")));

    assertThat(parse.totalRows()).isEqualTo(6);
    assertThat(parse.accepted()).extracting(ParsedRow::line).containsExactly(2, 5);
    assertThat(parse.rejected())
      .extracting(RowError::line, RowError::skuCode, RowError::field, RowError::rule)
      .containsExactly(
        tuple(3, "S-2", "listPrice", "number"),
        tuple(4, "S-3", "saleStartsAt", "timestamp"),
        tuple(4, "S-3", "weightGrams", "required"),
        tuple(6, "S-5", "title", "required"),
        tuple(6, "S-5", "hsCode", "format"),
        tuple(7, "S-1", "skuCode", "duplicate"));
  }

  @Test
  @DisplayName("the row's language fills title, description and bullets; title.en and friends add other languages")
  void extraLanguagesComeFromLocaleColumns() {
    Map<String, String> row = with(shoe("S-1"), Map.of(
      "title.en", "Running shoe Aero 3",
      "description.en", "Light and fast",
      "bullets.en", "Breathable|Cushioned",
      "title.pt-BR", "Tênis de corrida Aero 3"));

    ProductRow read = parseCsv(List.of(row)).accepted().get(0).row();

    assertThat(read.content()).containsOnlyKeys("de", "en", "pt-BR");
    assertThat(read.content().get("de")).isEqualTo(
      new LocalizedContent("Laufschuh Aero 3", "Leicht und schnell", List.of("Atmungsaktiv", "Gedämpft")));
    assertThat(read.content().get("en")).isEqualTo(
      new LocalizedContent("Running shoe Aero 3", "Light and fast", List.of("Breathable", "Cushioned")));
    assertThat(read.content().get("pt-BR")).isEqualTo(new LocalizedContent("Tênis de corrida Aero 3", null, List.of()));
  }

  @Test
  @DisplayName("an error in another language's text names its column")
  void errorsInOtherLanguagesNameTheirColumn() {
    Map<String, String> row = with(shoe("S-1"), "description.en", "Light and fast");

    assertThat(parseCsv(List.of(row)).rejected())
      .extracting(RowError::field, RowError::rule)
      .containsExactly(tuple("title.en", "required"));
  }

  @Test
  @DisplayName("a file saved by Excel with a UTF-8 byte order mark reads like any other")
  void byteOrderMarkIsTolerated() {
    ImportParse parse = parseCsv("\uFEFF" + csv(List.of(shoe("S-1"))));

    assertThat(parse.rejected()).isEmpty();
    assertThat(parse.accepted()).extracting(parsed -> parsed.row().productCode()).containsExactly("P-100");
  }

  @Test
  @DisplayName("quoted values keep their commas and line breaks, | still separates list items, lines stay spreadsheet rows")
  void quotedValuesKeepCommasPipesAndLineBreaks() {
    Map<String, String> tricky = with(shoe("S-1"), Map.of(
      "title", "Laufschuh \"Aero 3\", schwarz",
      "description", "Leicht,\nschnell\r\nund bequem",
      "bullets", "Gedämpft, leicht|Atmungsaktiv",
      "specifications", "material=Mesh, Nylon|fit=a=b"));

    ImportParse parse = parseCsv(List.of(tricky, with(shoe("S-2"), "stock", "viele")));

    ProductRow read = parse.accepted().get(0).row();
    assertThat(read.content().get("de").title()).isEqualTo("Laufschuh \"Aero 3\", schwarz");
    assertThat(read.content().get("de").description()).isEqualTo("Leicht,\nschnell\r\nund bequem");
    assertThat(read.content().get("de").bullets()).containsExactly("Gedämpft, leicht", "Atmungsaktiv");
    assertThat(read.specifications()).containsExactlyInAnyOrderEntriesOf(Map.of("material", "Mesh, Nylon", "fit", "a=b"));
    assertThat(parse.rejected()).extracting(RowError::line, RowError::field, RowError::rule)
      .containsExactly(tuple(3, "stock", "number"));
  }

  @Test
  @DisplayName("a row with more values than the header has columns is rejected as a whole, the rest go in")
  void raggedRowsAreRejected() {
    String text = csv(List.of(shoe("S-1"))) + "P-100,S-2,running-shoes,Fleetfoot,Aero 3,de,Laufschuh, schwarz\r\n";

    ImportParse parse = parseCsv(text);

    assertThat(parse.accepted()).hasSize(1);
    assertThat(parse.rejected()).extracting(RowError::line, RowError::field, RowError::rule)
      .containsExactly(tuple(3, null, "columns"));
  }

  @Test
  @DisplayName("optional columns may be left out of the header altogether")
  void optionalColumnsMayBeLeftOut() {
    Map<String, String> plain = shoe("S-1");
    List.of("brand", "model", "description", "bullets", "images", "specifications", "colour", "size", "salePrice",
      "saleStartsAt", "saleEndsAt").forEach(plain::remove);

    ImportParse parse = parseCsv(List.of(plain));

    assertThat(parse.rejected()).isEmpty();
    assertThat(parse.accepted().get(0).row().salePrice()).isNull();
  }

  @Test
  @DisplayName("a header without a required column refuses the whole file, naming the column")
  void missingRequiredColumnRefusesTheFile() {
    assertThatThrownBy(() -> parseCsv(List.of(without(shoe("S-1"), "hsCode"))))
      .isInstanceOf(ImportFileException.class)
      .hasMessageContaining("hsCode");
  }

  @Test
  @DisplayName("an unknown column refuses the file rather than silently dropping what it holds")
  void unknownColumnRefusesTheFile() {
    assertThatThrownBy(() -> parseCsv(List.of(with(shoe("S-1"), "salesPrice", "79.90"))))
      .isInstanceOf(ImportFileException.class)
      .hasMessageContaining("salesPrice");
  }

  @Test
  @DisplayName("an empty file, a header alone, an unclosed quote and bytes that are not UTF-8 are not imports")
  void fileThatIsNoImportIsRefused() {
    assertThatThrownBy(() -> parseCsv("")).isInstanceOf(ImportFileException.class);
    assertThatThrownBy(() -> parseCsv(csv(List.of(shoe("S-1"))) + "P-100,\"S-2,x\"y\r\n"))
      .isInstanceOf(ImportFileException.class)
      .hasMessageContaining("CSV");
    assertThatThrownBy(() -> parseCsv(csv(List.of(shoe("S-1"))).lines().findFirst().orElseThrow() + "\r\n"))
      .isInstanceOf(ImportFileException.class)
      .hasMessageContaining("no product rows");
    byte[] latin1 = csv(List.of(shoe("S-1"))).getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> parser.parseCsv(new ByteArrayInputStream(latin1), StandardCharsets.UTF_8))
      .isInstanceOf(ImportFileException.class)
      .hasMessageContaining("UTF-8");
  }

  @Test
  @DisplayName("10,001 rows are refused as too large before a single row is judged")
  void tenThousandAndOneRowsAreRefused() {
    String text = csv(shoes(ImportLimits.MAX_ROWS + 1));

    assertThatThrownBy(() -> parseCsv(text))
      .isInstanceOf(ImportTooLargeException.class)
      .isInstanceOf(ImportFileException.class)
      .hasMessageContaining("10000");
  }

  @Test
  @DisplayName("10,000 rows, the most an upload may hold, are all read")
  void tenThousandRowsAreRead() {
    ImportParse parse = parseCsv(shoes(ImportLimits.MAX_ROWS));

    assertThat(parse.totalRows()).isEqualTo(10_000);
    assertThat(parse.rejected()).isEmpty();
    assertThat(parse.accepted()).hasSize(10_000).last().extracting(ParsedRow::line).isEqualTo(10_001);
  }

  @Test
  @DisplayName("bytes past 20 MiB are not read")
  void uploadsOverTheByteLimitAreRefused() {
    InputStream endless = new LimitedInputStream(new ByteArrayInputStream(new byte[11]), 10);

    assertThatThrownBy(endless::readAllBytes).isInstanceOf(ImportTooLargeException.class);
  }

  private static final String SHOE_AS_JSON = """
      {
        "productCode": "P-100", "skuCode": "S-1", "category": "running-shoes", "brand": "Fleetfoot", "model": "Aero 3",
        "language": "de",
        "content": {
          "de": {"title": "Laufschuh Aero 3", "description": "Leicht und schnell", "bullets": ["Atmungsaktiv", "Gedämpft"]},
          "en": {"title": "Running shoe Aero 3", "bullets": ["Breathable"]}
        },
        "images": ["https://cdn.example.com/p100/1.jpg", "https://cdn.example.com/p100/2.jpg"],
        "specifications": {"material": "Mesh", "sole": "EVA"},
        "colour": "black", "size": 42, "currency": "EUR", "listPrice": 89.90, "salePrice": "79.90",
        "saleStartsAt": "2025-11-28T00:00:00Z", "saleEndsAt": "2025-12-01T23:59:59Z",
        "weightGrams": 640, "lengthMm": "330", "widthMm": 210, "heightMm": 120,
        "countryOfOrigin": "VN", "hsCode": "640411", "returnWindowDays": 30, "warrantyMonths": 24, "stock": 150
      }
    """;

  @Test
  @DisplayName("the same shoe as JSON and as CSV becomes the same row, prices exact to the cent")
  void jsonAndCsvGiveTheSameRow() {
    Map<String, String> asCsv = with(shoe("S-1"), Map.of("title.en", "Running shoe Aero 3", "bullets.en", "Breathable"));

    ParsedRow fromJson = parseJson("[" + SHOE_AS_JSON + "]").accepted().get(0);
    ParsedRow fromCsv = parseCsv(List.of(asCsv)).accepted().get(0);

    assertThat(fromJson.row()).isEqualTo(fromCsv.row());
    assertThat(fromJson.row().listPrice()).isEqualTo(new BigDecimal("89.90"));
    assertThat(fromJson.line()).isEqualTo(1);
  }

  @Test
  @DisplayName("in JSON a row is its place in the array, and values of the wrong shape are row errors")
  void jsonRowErrorsCarryTheirIndex() {
    String misshapen = SHOE_AS_JSON.replace("\"S-1\"", "\"S-2\"")
      .replace("\"stock\": 150", "\"stock\": 1.5, \"stock_level\": 3")
      .replace("\"images\": [", "\"images\": [{\"url\": \"x\"}, ");
    String upload = "[" + SHOE_AS_JSON + ", " + misshapen + ", 42]";

    ImportParse parse = parseJson(upload);

    assertThat(parse.totalRows()).isEqualTo(3);
    assertThat(parse.accepted()).extracting(ParsedRow::line).containsExactly(1);
    assertThat(parse.rejected()).extracting(RowError::line, RowError::field, RowError::rule)
      .containsExactly(
        tuple(2, "stock_level", "unknown-field"),
        tuple(2, "images", "type"),
        tuple(2, "stock", "number"),
        tuple(3, null, "type"));
  }

  @Test
  @DisplayName("JSON that is an object, not an array of rows, is refused whole")
  void jsonObjectIsRefused() {
    assertThatThrownBy(() -> parseJson("{\"products\": []}"))
      .isInstanceOf(ImportFileException.class)
      .hasMessageContaining("array");
  }

  @Test
  @DisplayName("broken JSON, an empty array and a CSV sent as JSON are refused whole")
  void jsonThatIsNoImportIsRefused() {
    assertThatThrownBy(() -> parseJson("[{\"skuCode\": \"S-1\",")).isInstanceOf(ImportFileException.class);
    assertThatThrownBy(() -> parseJson("[]")).isInstanceOf(ImportFileException.class);
    assertThatThrownBy(() -> parseJson(csv(List.of(shoe("S-1"))))).isInstanceOf(ImportFileException.class);
  }
}
