package io.modelops.operator.modeltest.tester;

/**
 * The test plan cannot be used. Its message is one sentence naming the field and what is wrong with
 * it; it never repeats the plan's content.
 */
public final class BadPlanException extends Exception {
  private static final long serialVersionUID = 1L;

  public BadPlanException(String reason) {
    super(reason, null, false, false);
  }
}
