package dev.tradewind.catalog.domain;

import dev.tradewind.catalog.domain.ProductRow.LocalizedContent;
import java.util.List;
import java.util.Map;

/** The values of one row as a CSV record or a JSON object holds them; a value of the wrong shape is noted in {@code errors}. */
interface RowSource {

  /** The text of a single value, or null when it is absent. */
  String text(String field, Rejections errors);

  /** Title, description and bullets per language; {@code language} is the row's own, when it has one. */
  Map<String, LocalizedContent> content(String language, Rejections errors);

  List<String> images(Rejections errors);

  Map<String, String> specifications(Rejections errors);
}
