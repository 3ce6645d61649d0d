package dev.tradewind.catalog.domain;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading an upload past {@link ImportLimits#MAX_BYTES}, whatever the caller's body limit was. */
final class LimitedInputStream extends FilterInputStream {
  private final long limit;
  private long remaining;

  LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
    this.remaining = limit;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int read = super.read(buffer, offset, (int) Math.min(length, remaining + 1));
    if (read > 0) {
      remaining -= read;
    }
    if (remaining < 0) {
      throw new ImportTooLargeException("an upload may hold at most " + limit / (1024 * 1024) + " MiB");
    }
    return read;
  }

  @Override
  public long skip(long n) throws IOException {
    int chunk = (int) Math.min(n, 8192);
    return Math.max(0, read(new byte[chunk], 0, chunk));
  }
}
