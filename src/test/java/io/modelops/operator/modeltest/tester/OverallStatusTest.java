package io.modelops.operator.modeltest.tester;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelops.operator.api.v1alpha1.custommodeltest.CheckResult;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckSetting;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverallStatusTest {

  private static List<CheckResult> checks(TestingStatus... statuses) {
    return Arrays.stream(statuses).map(s -> new CheckResult(s, "m")).toList();
  }

  @Test
  void failureUnderFailSettingFailsAndUnderWarnSettingWarns() {
    Verdict failed = Verdict.failed("row 3");
    assertThat(OverallStatus.of(failed, CheckSetting.FAIL)).isEqualTo(TestingStatus.FAILED);
    assertThat(OverallStatus.of(failed, CheckSetting.WARN)).isEqualTo(TestingStatus.WARNING);
    assertThat(OverallStatus.of(Verdict.passed("ok"), CheckSetting.WARN))
        .isEqualTo(TestingStatus.SUCCEEDED);
    assertThat(OverallStatus.of(Verdict.notApplicable("n/a"), CheckSetting.FAIL))
        .isEqualTo(TestingStatus.SKIPPED);
  }

  @Test
  void anyFailedCheckFailsTheTest() {
    assertThat(
            OverallStatus.of(
                checks(TestingStatus.SUCCEEDED, TestingStatus.WARNING, TestingStatus.FAILED)))
        .isEqualTo(TestingStatus.FAILED);
    // longRunningService failed, the others aborted.
    assertThat(OverallStatus.of(checks(TestingStatus.FAILED, TestingStatus.ABORTED)))
        .isEqualTo(TestingStatus.FAILED);
  }

  @Test
  void aWarningWithoutFailureIsAWarning() {
    assertThat(
            OverallStatus.of(
                checks(TestingStatus.SUCCEEDED, TestingStatus.WARNING, TestingStatus.SKIPPED)))
        .isEqualTo(TestingStatus.WARNING);
  }

  @Test
  void succeededAndSkippedChecksSucceed() {
    assertThat(OverallStatus.of(checks(TestingStatus.SUCCEEDED, TestingStatus.SKIPPED)))
        .isEqualTo(TestingStatus.SUCCEEDED);
  }
}
