package dev.tradewind.catalog.domain;

import static dev.tradewind.catalog.domain.ImportColumns.BULLETS;
import static dev.tradewind.catalog.domain.ImportColumns.CONTENT;
import static dev.tradewind.catalog.domain.ImportColumns.DESCRIPTION;
import static dev.tradewind.catalog.domain.ImportColumns.IMAGES;
import static dev.tradewind.catalog.domain.ImportColumns.SPECIFICATIONS;
import static dev.tradewind.catalog.domain.ImportColumns.TITLE;
import static dev.tradewind.catalog.domain.ImportColumns.localized;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradewind.catalog.domain.ProductRow.LocalizedContent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One JSON object: {@code content} maps a locale to {@code {"title", "description", "bullets": [...]}},
 * {@code images} is an array and {@code specifications} an object. Numbers may be JSON numbers or strings.
 */
final class JsonRowSource implements RowSource {
  private static final Set<String> LOCALIZED_PROPERTIES = Set.of(TITLE, DESCRIPTION, BULLETS);

  private final JsonNode object;

  JsonRowSource(JsonNode object, Rejections errors) {
    this.object = object;
    unknownProperties(object, ImportColumns.JSON_PROPERTIES, null, errors);
  }

  @Override
  public String text(String field, Rejections errors) {
    return scalar(field, object.get(field), errors);
  }

  @Override
  public Map<String, LocalizedContent> content(String language, Rejections errors) {
    Map<String, LocalizedContent> content = new HashMap<>();
    JsonNode locales = object.get(CONTENT);
    if (isAbsent(locales) || !isObject(CONTENT, locales, errors)) {
      return content;
    }
    locales.fields().forEachRemaining(entry -> {
      String locale = entry.getKey();
      JsonNode text = entry.getValue();
      if (isObject(CONTENT + "." + locale, text, errors)) {
        unknownProperties(text, LOCALIZED_PROPERTIES, CONTENT + "." + locale, errors);
        String title = localized(TITLE, locale, language);
        String description = localized(DESCRIPTION, locale, language);
        content.put(locale, new LocalizedContent(
          DraftRows.trimmed(title, scalar(title, text.get(TITLE), errors), errors),
          DraftRows.trimmed(description, scalar(description, text.get(DESCRIPTION), errors), errors),
          strings(localized(BULLETS, locale, language), text.get(BULLETS), errors)));
      }
    });
    return content;
  }

  @Override
  public List<String> images(Rejections errors) {
    return strings(IMAGES, object.get(IMAGES), errors);
  }

  @Override
  public Map<String, String> specifications(Rejections errors) {
    Map<String, String> specifications = new HashMap<>();
    JsonNode node = object.get(SPECIFICATIONS);
    if (!isAbsent(node) && isObject(SPECIFICATIONS, node, errors)) {
      node.fields().forEachRemaining(entry -> specifications.put(entry.getKey().trim(),
        Objects.toString(DraftRows.trimmed(SPECIFICATIONS, scalar(SPECIFICATIONS, entry.getValue(), errors), errors), "")));
    }
    return specifications;
  }

  private static List<String> strings(String field, JsonNode node, Rejections errors) {
    List<String> items = new ArrayList<>();
    if (isAbsent(node)) {
      return items;
    }
    if (!node.isArray()) {
      errors.add(field, "type", field + " must be an array of strings");
      return items;
    }
    for (JsonNode item : node) {
      String text = scalar(field, item, errors);
      items.add(text == null ? "" : text.trim());
    }
    return items;
  }

  /** Strings and numbers are text; a number is kept as written, so 19.90 stays 19.90. */
  private static String scalar(String field, JsonNode node, Rejections errors) {
    if (isAbsent(node)) {
      return null;
    }
    if (node.isTextual() || node.isNumber()) {
      return node.asText();
    }
    errors.add(field, "type", field + " must be a string or a number");
    return null;
  }

  private static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull();
  }

  private static boolean isObject(String field, JsonNode node, Rejections errors) {
    if (!node.isObject()) {
      errors.add(field, "type", field + " must be an object");
      return false;
    }
    return true;
  }

  private static void unknownProperties(JsonNode node, Collection<String> known, String parent, Rejections errors) {
    node.fieldNames().forEachRemaining(name -> {
      if (!known.contains(name)) {
        String field = parent == null ? name : parent + "." + name;
        errors.add(field, "unknown-field", "'" + field + "' is not a property of a product row");
      }
    });
  }
}
