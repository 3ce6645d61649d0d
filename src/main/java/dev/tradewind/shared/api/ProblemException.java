package dev.tradewind.shared.api;

/** A failure whose answer to the client is already known; thrown or failed from any layer, answered as is. */
public class ProblemException extends RuntimeException {
  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public ProblemException(ProblemType type, String detail) {
    this(Problem.of(type, detail));
  }

  public Problem problem() {
    return problem;
  }
}
