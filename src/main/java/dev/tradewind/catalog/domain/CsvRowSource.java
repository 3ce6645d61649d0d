package dev.tradewind.catalog.domain;

import static dev.tradewind.catalog.domain.ImportColumns.BULLETS;
import static dev.tradewind.catalog.domain.ImportColumns.DESCRIPTION;
import static dev.tradewind.catalog.domain.ImportColumns.IMAGES;
import static dev.tradewind.catalog.domain.ImportColumns.SPECIFICATIONS;
import static dev.tradewind.catalog.domain.ImportColumns.TITLE;

import dev.tradewind.catalog.domain.ProductRow.LocalizedContent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV record: lists are separated by {@code |}, specifications are {@code key=value|key=value}, and text in
 * other languages than the row's own sits in {@code title.<locale>}, {@code description.<locale>} and
 * {@code bullets.<locale>} columns.
 */
final class CsvRowSource implements RowSource {
  private static final Pattern LIST_SEPARATOR = Pattern.compile("\\|");

  private final CSVRecord record;
  private final Set<String> otherLocales;

  CsvRowSource(CSVRecord record, Set<String> otherLocales) {
    this.record = record;
    this.otherLocales = otherLocales;
  }

  @Override
  public String text(String field, Rejections errors) {
    return record.isMapped(field) && record.isSet(field) ? record.get(field) : null;
  }

  @Override
  public Map<String, LocalizedContent> content(String language, Rejections errors) {
    Map<String, LocalizedContent> content = new HashMap<>();
    if (language != null) {
      localized("", errors).ifPresent(text -> content.put(language, text));
    }
    for (String locale : otherLocales) {
      Optional<LocalizedContent> text = localized("." + locale, errors);
      if (text.isPresent() && content.putIfAbsent(locale, text.get()) != null) {
        errors.add(TITLE + "." + locale, "duplicate",
          "the row's language is '" + locale + "': its text belongs in the title, description and bullets columns");
      }
    }
    return content;
  }

  @Override
  public List<String> images(Rejections errors) {
    return list(IMAGES, errors);
  }

  @Override
  public Map<String, String> specifications(Rejections errors) {
    Map<String, String> specifications = new LinkedHashMap<>();
    for (String pair : list(SPECIFICATIONS, errors)) {
      int equals = pair.indexOf('=');
      if (equals < 0) {
        errors.add(SPECIFICATIONS, "format", "'" + pair + "' is not a key=value pair");
      } else if (specifications.putIfAbsent(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim()) != null) {
        errors.add(SPECIFICATIONS, "duplicate", "the key '" + pair.substring(0, equals).trim() + "' is given twice");
      }
    }
    return specifications;
  }

  private Optional<LocalizedContent> localized(String suffix, Rejections errors) {
    String title = DraftRows.trimmed(TITLE + suffix, text(TITLE + suffix, errors), errors);
    String description = DraftRows.trimmed(DESCRIPTION + suffix, text(DESCRIPTION + suffix, errors), errors);
    List<String> bullets = list(BULLETS + suffix, errors);
    if (title == null && description == null && bullets.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new LocalizedContent(title, description, bullets));
  }

  private List<String> list(String field, Rejections errors) {
    String cell = DraftRows.trimmed(field, text(field, errors), errors);
    List<String> items = new ArrayList<>();
    if (cell != null) {
      for (String item : LIST_SEPARATOR.split(cell)) {
        if (!item.isBlank()) {
          items.add(item.trim());
        }
      }
    }
    return items;
  }
}
