package dev.tradewind.catalog.domain;

/** The upload holds more rows or bytes than {@link ImportLimits} allow (a 413 rather than a 400). */
public class ImportTooLargeException extends ImportFileException {

  public ImportTooLargeException(String message) {
    super(message);
  }
}
