package dev.tradewind.catalog.domain;

/** The upload as a whole cannot be read as a catalogue import (a 400); no row of it is taken. */
public class ImportFileException extends RuntimeException {

  public ImportFileException(String message) {
    super(message);
  }

  public ImportFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
