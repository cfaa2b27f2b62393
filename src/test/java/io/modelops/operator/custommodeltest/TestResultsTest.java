package io.modelops.operator.custommodeltest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tester's report read back from the pod, and the honest outcomes without one. */
class TestResultsTest {
  static final String FAILED_REPORT =
      "{\"overallStatus\":\"failed\",\"checks\":{"
          + "\"longRunningService\":{\"status\":\"succeeded\",\"message\":\"up\"},"
          + "\"errorCheck\":{\"status\":\"failed\",\"message\":\"row 2: the server answered 500\"},"
          + "\"sideEffects\":{\"status\":\"warning\",\"message\":\"row 4 differs\"}}}";

  static Pod pod(String testerState) {
    return Serialization.unmarshal(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: t-test-abcde, creationTimestamp: "2026-11-23T00:00:00Z"}
        status:
          containerStatuses:
            - name: tester
              image: operator
              ready: false
              restartCount: 0
              state: %s
        """
            .formatted(testerState),
        Pod.class);
  }

  static Job job(String conditions) {
    return Serialization.unmarshal(
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: t-test}
        status: {conditions: %s}
        """
            .formatted(conditions),
        Job.class);
  }

  @Test
  void aReportInTheTerminationMessageDecidesStatusChecksAndMessage() {
    var terminated =
        "{terminated: {exitCode: 0, finishedAt: \"2026-11-23T00:01:00Z\", message: '"
            + FAILED_REPORT
            + "'}}";
    var o = TestProgress.observe("t-test", Optional.of(job("[]")), List.of(pod(terminated)), 60);
    assertThat(o.overall()).isEqualTo(TestingStatus.FAILED);
    assertThat(o.reason()).isEqualTo("Failed");
    assertThat(o.message())
        .isEqualTo(
            "failed: errorCheck failed: row 2: the server answered 500;"
                + " sideEffects warning: row 4 differs");
    assertThat(o.checks().orElseThrow().getErrorCheck().getStatus())
        .isEqualTo(TestingStatus.FAILED);
    assertThat(o.checks().orElseThrow().getLongRunningService().getMessage()).isEqualTo("up");
    assertThat(o.podName()).contains("t-test-abcde");
    assertThat(o.completedAt()).contains("2026-11-23T00:01:00Z");
  }

  @Test
  void aSucceededReportListsEveryCheck() {
    var report =
        TestResults.parse(
                "{\"overallStatus\":\"succeeded\",\"checks\":{"
                    + "\"errorCheck\":{\"status\":\"succeeded\"},"
                    + "\"nullValueImputation\":{\"status\":\"skipped\"}}}")
            .orElseThrow();
    assertThat(TestResults.summary(report))
        .isEqualTo("succeeded: errorCheck succeeded; nullValueImputation skipped");
  }

  @Test
  void aTesterThatDiesWithoutAReportAbortsTheTestWithoutCopyingItsText() {
    var terminated =
        "{terminated: {exitCode: 1, message: 'Exception in thread main java.lang.IllegalStateException: boom'}}";
    var o = TestProgress.observe("t-test", Optional.of(job("[]")), List.of(pod(terminated)), 60);
    assertThat(o.overall()).isEqualTo(TestingStatus.ABORTED);
    assertThat(o.message())
        .isEqualTo("aborted: the tester exited with code 1 without a report; its log says why")
        .doesNotContain("Exception");
  }

  @Test
  void theDeadlineAbortsTheTestNamingTheTimeout() {
    var o =
        TestProgress.observe(
            "t-test",
            Optional.of(job("[{type: Failed, status: \"True\", reason: DeadlineExceeded}]")),
            List.of(pod("{running: {}}")),
            900);
    assertThat(o.overall()).isEqualTo(TestingStatus.ABORTED);
    assertThat(o.message()).isEqualTo("aborted: the test did not end within timeoutSeconds 900");
  }

  @Test
  void aServerImageThatCannotBePulledStopsTheJobAtOnce() {
    Pod pod =
        Serialization.unmarshal(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: t-test-abcde, creationTimestamp: "2026-11-23T00:00:00Z"}
            status:
              initContainerStatuses:
                - {name: model, image: x, ready: false, restartCount: 0,
                   state: {waiting: {reason: ImagePullBackOff}}}
              containerStatuses:
                - {name: tester, image: y, ready: false, restartCount: 0,
                   state: {waiting: {reason: PodInitializing}}}
            """,
            Pod.class);
    var o = TestProgress.observe("t-test", Optional.of(job("[]")), List.of(pod), 60);
    assertThat(o.overall()).isEqualTo(TestingStatus.ABORTED);
    assertThat(o.stopJob()).isTrue();
    assertThat(o.message()).isEqualTo("aborted: container model cannot start: ImagePullBackOff");
  }

  @Test
  void aJobDeletedUnderARunningTestAbortsIt() {
    var o = TestProgress.observe("t-test", Optional.empty(), List.of(), 60);
    assertThat(o.overall()).isEqualTo(TestingStatus.ABORTED);
    assertThat(o.message()).isEqualTo("aborted: Job t-test was deleted before the test ended");
  }

  @Test
  void aRunningTesterIsInProgress() {
    var o =
        TestProgress.observe("t-test", Optional.of(job("[]")), List.of(pod("{running: {}}")), 60);
    assertThat(o.overall()).isEqualTo(TestingStatus.IN_PROGRESS);
    assertThat(o.message()).isEqualTo("in progress in pod t-test-abcde");
  }
}
