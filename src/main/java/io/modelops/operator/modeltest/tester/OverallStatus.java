package io.modelops.operator.modeltest.tester;

import io.modelops.operator.api.v1alpha1.custommodeltest.CheckResult;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckSetting;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import java.util.Collection;

/**
 * The rules from check results to a test's overall status: a check that failed under the setting
 * {@code fail} (longRunningService always has it) fails the test; otherwise a check that failed
 * under {@code warn} makes it a warning; otherwise it succeeded. Skipped and aborted checks do not
 * count by themselves (checks are aborted only after longRunningService failed).
 */
public final class OverallStatus {
  private OverallStatus() {}

  /** The status of one check that ran, from its verdict and setting. */
  public static TestingStatus of(Verdict verdict, CheckSetting setting) {
    return switch (verdict.outcome()) {
      case PASSED -> TestingStatus.SUCCEEDED;
      case NOT_APPLICABLE -> TestingStatus.SKIPPED;
      case FAILED -> setting == CheckSetting.WARN ? TestingStatus.WARNING : TestingStatus.FAILED;
    };
  }

  /** The test's status from its checks' results. */
  public static TestingStatus of(Collection<CheckResult> checks) {
    boolean warning = false;
    for (CheckResult check : checks) {
      if (check.getStatus() == TestingStatus.FAILED) {
        return TestingStatus.FAILED;
      }
      warning |= check.getStatus() == TestingStatus.WARNING;
    }
    return warning ? TestingStatus.WARNING : TestingStatus.SUCCEEDED;
  }
}
