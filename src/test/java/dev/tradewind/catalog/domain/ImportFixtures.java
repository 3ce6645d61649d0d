package dev.tradewind.catalog.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A running shoe as a German merchant lists it, and CSV uploads built from such rows. */
final class ImportFixtures {

  private ImportFixtures() {
  }

  /** Every column of a valid row; a test changes the cells its story is about. */
  static Map<String, String> shoe(String productCode, String skuCode) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("productCode", productCode);
    row.put("skuCode", skuCode);
    row.put("category", "running-shoes");
    row.put("brand", "Fleetfoot");
    row.put("model", "Aero 3");
    row.put("language", "de");
    row.put("title", "Laufschuh Aero 3");
    row.put("description", "Leicht und schnell");
    row.put("bullets", "Atmungsaktiv|Gedämpft");
    row.put("images", "https://cdn.example.com/p100/1.jpg|https://cdn.example.com/p100/2.jpg");
    row.put("specifications", "material=Mesh|sole=EVA");
    row.put("colour", "black");
    row.put("size", "42");
    row.put("currency", "EUR");
    row.put("listPrice", "89.90");
    row.put("salePrice", "79.90");
    row.put("saleStartsAt", "2025-11-28T00:00:00Z");
    row.put("saleEndsAt", "2025-12-01T23:59:59Z");
    row.put("weightGrams", "640");
    row.put("lengthMm", "330");
    row.put("widthMm", "210");
    row.put("heightMm", "120");
    row.put("countryOfOrigin", "VN");
    row.put("hsCode", "640411");
    row.put("returnWindowDays", "30");
    row.put("warrantyMonths", "24");
    row.put("stock", "150");
    return row;
  }

  static Map<String, String> shoe(String skuCode) {
    return shoe("P-100", skuCode);
  }

  static Map<String, String> with(Map<String, String> row, String column, String value) {
    Map<String, String> changed = new LinkedHashMap<>(row);
    changed.put(column, value);
    return changed;
  }

  static Map<String, String> with(Map<String, String> row, Map<String, String> changes) {
    Map<String, String> changed = new LinkedHashMap<>(row);
    changed.putAll(changes);
    return changed;
  }

  static Map<String, String> without(Map<String, String> row, String column) {
    Map<String, String> changed = new LinkedHashMap<>(row);
    changed.remove(column);
    return changed;
  }

  /** The rows as RFC 4180 CSV under a header of every column any of them has, quoted where needed. */
  static String csv(List<Map<String, String>> rows) {
    Set<String> header = new LinkedHashSet<>();
    rows.forEach(row -> header.addAll(row.keySet()));
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord(header);
      for (Map<String, String> row : rows) {
        List<String> values = new ArrayList<>();
        header.forEach(column -> values.add(row.getOrDefault(column, "")));
        printer.printRecord(values);
      }
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return out.toString();
  }

  static InputStream utf8(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
