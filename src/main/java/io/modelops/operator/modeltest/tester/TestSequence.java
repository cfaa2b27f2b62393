package io.modelops.operator.modeltest.tester;

import io.modelops.operator.api.v1alpha1.custommodeltest.CheckResult;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckSetting;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import io.modelops.operator.modeltest.TestReport;
import java.io.PrintStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a test's checks in order: longRunningService waits for the server to be ready (if it never
 * is, every other check is aborted), then errorCheck, nullValueImputation, sideEffects,
 * expectedPredictions and performance, then longRunningService checks that the server stayed up.
 */
final class TestSequence {
  private static final List<Check> CHECKS =
      List.of(
          new ErrorCheck(),
          new NullValueImputationCheck(),
          new SideEffectsCheck(),
          new ExpectedPredictionsCheck(),
          new PerformanceCheck());

  private final Clock clock;
  private final PrintStream diagnostics;

  TestSequence(Clock clock, PrintStream diagnostics) {
    this.clock = clock;
    this.diagnostics = diagnostics;
  }

  /** Names of the checks in a plan's report, in the order they run. */
  static List<String> checkNames(ResolvedPlan plan) {
    List<String> names = new ArrayList<>();
    names.add(LongRunningService.NAME);
    for (Check check : CHECKS) {
      if (inReport(check, plan)) {
        names.add(check.name());
      }
    }
    return names;
  }

  TestReport run(CheckContext context) {
    String startedAt = now();
    ResolvedPlan plan = context.plan();
    Map<String, CheckResult> results = new LinkedHashMap<>();
    LongRunningService longRunning = new LongRunningService();
    Verdict ready = longRunning.awaitReady(context);
    if (ready.outcome() != Verdict.Outcome.PASSED) {
      results.put(LongRunningService.NAME, new CheckResult(TestingStatus.FAILED, ready.message()));
      progress(context, LongRunningService.NAME, results.get(LongRunningService.NAME));
      for (Check check : CHECKS) {
        if (inReport(check, plan)) {
          results.put(
              check.name(),
              new CheckResult(
                  TestingStatus.ABORTED,
                  "Not run: the server never became ready (see longRunningService)."));
        }
      }
      return report(results, startedAt, context);
    }
    results.put(LongRunningService.NAME, new CheckResult(TestingStatus.IN_PROGRESS, null));
    for (Check check : CHECKS) {
      if (inReport(check, plan)) {
        results.put(check.name(), run(check, context));
      }
    }
    Verdict stayed = longRunning.staysUp(context);
    results.put(
        LongRunningService.NAME,
        new CheckResult(OverallStatus.of(stayed, CheckSetting.FAIL), stayed.message()));
    progress(context, LongRunningService.NAME, results.get(LongRunningService.NAME));
    return report(results, startedAt, context);
  }

  private CheckResult run(Check check, CheckContext context) {
    CheckSetting setting = check.setting(context.plan());
    CheckResult result;
    if (setting == CheckSetting.SKIP) {
      result = new CheckResult(TestingStatus.SKIPPED, "Skipped: the test's settings skip it.");
    } else {
      Verdict verdict;
      try {
        verdict = check.run(context);
      } catch (DatasetException e) {
        verdict = Verdict.failed(e.getMessage());
      } catch (RuntimeException e) {
        diagnostics.println("modelops-tester: " + check.name() + " failed unexpectedly");
        e.printStackTrace(diagnostics);
        verdict =
            Verdict.failed(
                "The tester could not finish this check because of an error of its own; its log"
                    + " has the details.");
      }
      result = new CheckResult(OverallStatus.of(verdict, setting), verdict.message());
    }
    progress(context, check.name(), result);
    return result;
  }

  private static boolean inReport(Check check, ResolvedPlan plan) {
    return switch (check.name()) {
      case ExpectedPredictionsCheck.NAME -> plan.expected().isPresent();
      case PerformanceCheck.NAME -> plan.performance().isPresent();
      default -> true;
    };
  }

  private static void progress(CheckContext context, String name, CheckResult result) {
    context.progress(
        name
            + " "
            + result.getStatus().name().toLowerCase(Locale.ROOT)
            + ": "
            + result.getMessage());
  }

  private TestReport report(
      Map<String, CheckResult> results, String startedAt, CheckContext context) {
    return new TestReport(
        OverallStatus.of(results.values()),
        results,
        startedAt,
        now(),
        context.performance().orElse(null));
  }

  private String now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
