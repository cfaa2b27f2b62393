package io.modelops.operator.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelops.operator.testing.LocalCluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The short variant of {@code make chaos} inside {@code make test} (a few minutes): two replicas
 * with leader election from this build's classes on a kwok cluster of its own
 * (modelops-chaos-short, audit log on, deleted afterwards): leader SIGKILLs during churn,
 * kube-apiserver and etcd down 10 s each, a short kill soak, churn through the fault proxy at 5%
 * errors. Asserts the safety targets (no invariant violation, no write by a non-leader, takeover
 * within 20 s, no operator exit the harness did not cause, convergence after every outage); the
 * figures, convergence times included, are in target/chaos/short/report.json.
 */
@Tag("cluster")
class ChaosShortTest {
  @Test
  @SuppressWarnings("unchecked")
  void survivesFailoverOutagesKillsAndApiErrors() throws Exception {
    Map<String, Object> report =
        new ChaosHarness(ChaosHarness.Options.quick(LocalCluster.repoDir())).run();

    assertThat(report.get("error")).as("harness error").isNull();
    assertThat(report.get("invariantViolations"))
        .as("invariant violations; see %s", report.get("phases"))
        .isEqualTo(0);
    assertThat(report.get("writesByNonLeader"))
        .as("writes by a non-leader: %s", report.get("writesByNonLeaderSample"))
        .isEqualTo(0);
    Map<String, Object> takeover = (Map<String, Object>) report.get("takeoverSeconds");
    assertThat((List<Double>) takeover.get("all"))
        .as("takeover per leader kill, s")
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(20.0));
    assertThat(report.get("operatorExitsNotCausedByTheHarness"))
        .as("operator exits: %s", report.get("replicaEvents"))
        .isEqualTo(0);
    for (Map<String, Object> phase : (List<Map<String, Object>>) report.get("phases")) {
      for (Map<String, Object> outage :
          (List<Map<String, Object>>) phase.getOrDefault("outages", List.of())) {
        assertThat((Double) outage.get("convergeSeconds"))
            .as("converged after %s", outage)
            .isNotNaN();
      }
    }
    assertThat(report.get("passed")).isEqualTo(true);
  }
}
