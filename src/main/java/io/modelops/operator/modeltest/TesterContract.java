package io.modelops.operator.modeltest;

/**
 * How the operator and the model tester talk. The tester runs as a container of the test's Job,
 * started from the operator's own image with {@link #MODE_ARGUMENT} as its first argument. It reads
 * a {@link TestPlan} as JSON from the environment variable {@link #PLAN_ENV}, runs the checks
 * against the model server beside it, prints the whole {@link TestReport} to its log (one line
 * starting with {@link #REPORT_LOG_PREFIX}) and writes a bounded copy to its termination message,
 * which the operator reads from the pod's status: the tester needs no API permissions.
 */
public final class TesterContract {

  /** First program argument that starts the tester instead of the operator. */
  public static final String MODE_ARGUMENT = "test-model";

  /** Environment variable holding the test plan as JSON. */
  public static final String PLAN_ENV = "MODELOPS_TEST_PLAN";

  /** Where the tester writes its bounded report (the container's terminationMessagePath). */
  public static final String TERMINATION_MESSAGE_PATH = "/dev/termination-log";

  /**
   * Optional environment variable naming another file for the bounded report, for running the
   * tester outside a pod (locally, in tests); in a pod the default path is used.
   */
  public static final String TERMINATION_MESSAGE_PATH_ENV = "MODELOPS_TERMINATION_MESSAGE_PATH";

  /** Kubernetes keeps at most this many bytes of a container's termination message. */
  public static final int MAX_TERMINATION_MESSAGE_BYTES = 4096;

  /** Prefix of the log line that carries the whole report as JSON. */
  public static final String REPORT_LOG_PREFIX = "MODELOPS_TEST_REPORT ";

  /** Exit code when the checks ran (whatever their verdict): the report says the verdict. */
  public static final int EXIT_TESTED = 0;

  /** Exit code when the plan could not be read; the termination message says why. */
  public static final int EXIT_BAD_PLAN = 2;

  private TesterContract() {}
}
