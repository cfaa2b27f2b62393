package io.modelops.operator.modeltest.tester;

import io.modelops.operator.modeltest.TestReport;
import io.modelops.operator.modeltest.TesterContract;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * The model tester: the operator's jar started with {@link TesterContract#MODE_ARGUMENT}. Reads the
 * plan from {@link TesterContract#PLAN_ENV}, runs the checks against the model server, prints
 * progress and the whole report ({@link TesterContract#REPORT_LOG_PREFIX}) to its output and a
 * bounded copy to its termination message. It prints nothing from its environment but the plan's
 * server URL and dataset facts (the plan holds no secrets).
 */
public final class ModelTester {
  private ModelTester() {}

  /**
   * Runs a test and returns the exit code: {@link TesterContract#EXIT_TESTED} when the checks ran
   * (whatever they found), {@link TesterContract#EXIT_BAD_PLAN} when the plan cannot be used.
   */
  public static int run(Map<String, String> env, PrintStream out, PrintStream err) {
    Path terminationPath =
        Path.of(
            env.getOrDefault(
                TesterContract.TERMINATION_MESSAGE_PATH_ENV,
                TesterContract.TERMINATION_MESSAGE_PATH));
    ResolvedPlan plan;
    try {
      plan = ResolvedPlan.parse(env.get(TesterContract.PLAN_ENV));
    } catch (BadPlanException e) {
      out.println("modelops-tester: the test plan cannot be used: " + e.getMessage());
      TerminationMessage.write(terminationPath, TerminationMessage.reason(e.getMessage()), err);
      return TesterContract.EXIT_BAD_PLAN;
    }
    out.println(
        "modelops-tester: testing a "
            + plan.targetType().name()
            + " model at "
            + plan.serverUrl()
            + ", checks "
            + TestSequence.checkNames(plan));
    CheckContext context =
        new CheckContext(plan, new ModelServer(plan.serverUrl(), plan.requestTimeout(), err), out);
    TestReport report = new TestSequence(Clock.systemUTC(), err).run(context);
    out.println(
        "modelops-tester: overall status "
            + report.overallStatus().name().toLowerCase(Locale.ROOT));
    out.println(TesterContract.REPORT_LOG_PREFIX + TerminationMessage.json(report));
    out.flush();
    TerminationMessage.write(terminationPath, TerminationMessage.of(report), err);
    return TesterContract.EXIT_TESTED;
  }
}
