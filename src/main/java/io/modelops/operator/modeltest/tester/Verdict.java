package io.modelops.operator.modeltest.tester;

/**
 * What one check found, before its setting decides the status: passed, failed, or not applicable to
 * this model (reported as skipped).
 */
public record Verdict(Outcome outcome, String message) {

  /** The three ways a check can end. */
  public enum Outcome {
    PASSED,
    FAILED,
    NOT_APPLICABLE
  }

  public static Verdict passed(String message) {
    return new Verdict(Outcome.PASSED, message);
  }

  public static Verdict failed(String message) {
    return new Verdict(Outcome.FAILED, message);
  }

  public static Verdict notApplicable(String message) {
    return new Verdict(Outcome.NOT_APPLICABLE, message);
  }
}
