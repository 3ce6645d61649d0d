package dev.tradewind.identity.infra;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Argon2id at OWASP's minimum (19 MiB, 2 iterations, parallelism 1). Hashing costs tens of milliseconds of CPU
 * by design, so it always runs on a worker thread, never on the event loop.
 */
public final class PasswordHasher {
  static final int MEMORY_KIB = 19 * 1024;
  static final int ITERATIONS = 2;
  static final int PARALLELISM = 1;
  private static final int HASH_LENGTH = 32;
  private static final int SALT_LENGTH = 16;

  private final Vertx vertx;
  private final Argon2Function argon2 = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_LENGTH, Argon2.ID);

  public PasswordHasher(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<String> hash(String password) {
    return vertx.executeBlocking(() -> Password.hash(password).addRandomSalt(SALT_LENGTH).with(argon2).getResult(), false);
  }

  public Future<Boolean> verify(String password, String storedHash) {
    return vertx.executeBlocking(() -> Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash)), false);
  }

  /** True when a stored hash was made with weaker parameters than today's, so login should replace it. */
  public boolean needsRehash(String storedHash) {
    Argon2Function used = Argon2Function.getInstanceFromHash(storedHash);
    return used.getMemory() < MEMORY_KIB || used.getIterations() < ITERATIONS || used.getParallelism() < PARALLELISM;
  }
}
