package dev.tradewind.catalog.domain;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a merchant's catalogue upload and sorts its rows into those that may be upserted and the errors of those
 * that may not. Blocking and synchronous: run it off the event loop. A bad row never fails the upload; a file that
 * is not an import at all throws {@link ImportFileException}, one too large {@link ImportTooLargeException}.
 *
 * <p>CSV (RFC 4180, header first): the columns of {@code ProductRow} under the names errors use, text in the row's
 * {@code language} in {@code title}, {@code description}, {@code bullets} and in other languages in
 * {@code title.<locale>} …; lists split on {@code |}, specifications as {@code key=value|key=value}. JSON: an
 * array of objects with the same properties, the text under {@code content: {"<locale>": {title, description,
 * bullets: []}}}, {@code images} an array, {@code specifications} an object.
 */
public final class CatalogImportParser {

  public ImportParse parseCsv(InputStream upload, Charset charset) {
    return judge(CsvProductReader.read(upload, charset));
  }

  public ImportParse parseJson(InputStream upload) {
    return judge(JsonProductReader.read(upload));
  }

  private static ImportParse judge(List<DraftRow> drafts) {
    Map<Integer, List<RowError>> errorsByLine = new LinkedHashMap<>();
    List<ParsedRow> readable = new ArrayList<>();
    for (DraftRow draft : drafts) {
      List<RowError> errors = new ArrayList<>(draft.errors());
      if (draft.row() != null) {
        readable.add(new ParsedRow(draft.line(), draft.row()));
        errors.addAll(ruleErrorsOfReadableFields(draft));
      }
      errorsByLine.put(draft.line(), errors);
    }
    ProductRowRules.checkAcrossRows(readable).forEach(error -> errorsByLine.get(error.line()).add(error));
    List<ParsedRow> accepted = readable.stream().filter(parsed -> errorsByLine.get(parsed.line()).isEmpty()).toList();
    List<RowError> rejected = errorsByLine.values().stream().flatMap(List::stream).toList();
    return new ImportParse(accepted, rejected, drafts.size());
  }

  /** A value that did not parse is held as zero or null; the rules would only repeat its error in other words. */
  private static List<RowError> ruleErrorsOfReadableFields(DraftRow draft) {
    Set<String> unreadable = draft.errors().stream().map(RowError::field).collect(Collectors.toSet());
    return ProductRowRules.check(draft.line(), draft.row()).stream()
      .filter(error -> !unreadable.contains(error.field()))
      .toList();
  }
}
