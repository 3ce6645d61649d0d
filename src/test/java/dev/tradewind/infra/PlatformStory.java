package dev.tradewind.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A story told against the shared running platform, each test starting from an empty database. */
public abstract class PlatformStory {
  protected static TestPlatform platform;
  protected static Http http;
  protected static TestUsers users;

  @BeforeAll
  static void startPlatform() {
    platform = TestPlatform.get();
    http = platform.http();
    users = new TestUsers(platform);
  }

  @BeforeEach
  void startFromAnEmptyDatabase() {
    platform.cleanDatabase();
  }
}
