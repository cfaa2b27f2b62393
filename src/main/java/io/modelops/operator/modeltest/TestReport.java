package io.modelops.operator.modeltest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.modelops.operator.api.v1alpha1.custommodeltest.CheckResult;
import io.modelops.operator.api.v1alpha1.custommodeltest.TestingStatus;
import java.util.Map;

/**
 * What the tester found. The whole report goes to the tester's log; a copy whose messages are
 * shortened to fit {@link TesterContract#MAX_TERMINATION_MESSAGE_BYTES} goes to its termination
 * message.
 *
 * @param overallStatus succeeded, warning, failed or aborted (the worst check decides)
 * @param checks each check by name (errorCheck, longRunningService, nullValueImputation,
 *     sideEffects, and expectedPredictions / performance when asked), in the order they ran
 * @param startedAt when the tester started (RFC 3339)
 * @param finishedAt when it finished (RFC 3339)
 * @param performance latency and throughput, when measured
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TestReport(
    TestingStatus overallStatus,
    Map<String, CheckResult> checks,
    String startedAt,
    String finishedAt,
    PerformanceFigures performance) {

  /** Latency of single-row prediction requests and the throughput of all clients together. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PerformanceFigures(
      int parallelUsers,
      int requests,
      int errors,
      double p50Millis,
      double p95Millis,
      double maxMillis,
      double requestsPerSecond) {}
}
