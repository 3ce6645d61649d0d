package dev.tradewind.identity.infra;

import dev.tradewind.identity.domain.CommonPasswords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** Loads the rejected-passwords list shipped at {@code identity/common-passwords.txt}. */
public final class CommonPasswordList {
  private static final String RESOURCE = "identity/common-passwords.txt";

  private CommonPasswordList() {
  }

  public static CommonPasswords load() {
    try (InputStream in = CommonPasswordList.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing");
      }
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return new CommonPasswords(reader.lines().map(String::trim).filter(l -> !l.isEmpty()).collect(Collectors.toSet()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
