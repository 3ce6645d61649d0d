package dev.tradewind.catalog.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads a CSV upload into draft rows; only a file that cannot be read as our CSV at all is refused whole. */
final class CsvProductReader {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
    .setHeader()
    .setSkipHeaderRecord(true)
    .setTrim(true)
    .setIgnoreEmptyLines(true)
    .get();
  private static final Pattern LOCALE_COLUMN = Pattern.compile("(?:title|description|bullets)\\.(.+)");
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private CsvProductReader() {
  }

  static List<DraftRow> read(InputStream upload, Charset charset) {
    try (CSVParser parser = open(upload, charset)) {
      List<String> header = parser.getHeaderNames();
      Set<String> otherLocales = checkHeader(header);
      List<DraftRow> drafts = new ArrayList<>();
      for (CSVRecord record : parser) {
        if (isBlank(record)) {
          continue;
        }
        if (drafts.size() == ImportLimits.MAX_ROWS) {
          throw new ImportTooLargeException("an upload may hold at most " + ImportLimits.MAX_ROWS + " rows");
        }
        drafts.add(draft(record, header.size(), otherLocales));
      }
      if (drafts.isEmpty()) {
        throw new ImportFileException("the upload holds no product rows");
      }
      return drafts;
    } catch (IOException | UncheckedIOException unreadable) {
      throw unreadable(unreadable, charset);
    }
  }

  private static CSVParser open(InputStream upload, Charset charset) throws IOException {
    Reader reader = new BufferedReader(new InputStreamReader(new LimitedInputStream(upload, ImportLimits.MAX_BYTES),
      charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
    reader.mark(1);
    if (reader.read() != BYTE_ORDER_MARK) {
      reader.reset();
    }
    try {
      return FORMAT.parse(reader);
    } catch (IllegalArgumentException badHeader) {
      throw new ImportFileException("the header row cannot be read: " + badHeader.getMessage());
    }
  }

  /** The locales of the {@code title.<locale>} … columns; any column we do not know would be silently lost. */
  private static Set<String> checkHeader(List<String> header) {
    if (header.isEmpty()) {
      throw new ImportFileException("the upload is empty");
    }
    List<String> missing = ImportColumns.REQUIRED_CSV_COLUMNS.stream().filter(c -> !header.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new ImportFileException("the header lacks the required column(s) " + String.join(", ", missing));
    }
    Set<String> otherLocales = new TreeSet<>();
    for (String column : header) {
      Matcher localized = LOCALE_COLUMN.matcher(column);
      if (localized.matches()) {
        otherLocales.add(localized.group(1));
      } else if (!ImportColumns.CSV_COLUMNS.contains(column)) {
        throw new ImportFileException("unknown column '" + column + "'; the columns are "
          + String.join(",", ImportColumns.CSV_COLUMNS) + " and title.<locale>, description.<locale>, bullets.<locale>");
      }
    }
    return otherLocales;
  }

  /** commons-csv does not count the header record; we do, so a line is the row a spreadsheet shows. */
  private static DraftRow draft(CSVRecord record, int columns, Set<String> otherLocales) {
    int line = Math.toIntExact(record.getRecordNumber() + 1);
    if (record.size() != columns) {
      Rejections errors = new Rejections(line, null);
      errors.add(null, "columns", "the row has " + record.size() + " values but the header " + columns
        + " columns; is a value with a comma not in quotes?");
      return new DraftRow(line, null, errors.list());
    }
    return DraftRows.read(line, new CsvRowSource(record, otherLocales), new Rejections(line, null));
  }

  private static boolean isBlank(CSVRecord record) {
    return record.stream().allMatch(String::isBlank);
  }

  private static ImportFileException unreadable(Exception failure, Charset charset) {
    Throwable cause = failure instanceof UncheckedIOException ? failure.getCause() : failure;
    if (cause instanceof CharacterCodingException) {
      return new ImportFileException("the upload is not " + charset.name() + " text");
    }
    return new ImportFileException("the upload cannot be read as CSV: " + cause.getMessage(), cause);
  }
}
