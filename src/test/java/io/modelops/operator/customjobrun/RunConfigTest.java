package io.modelops.operator.customjobrun;

import static io.modelops.operator.customjobrun.RunFixtures.job;
import static io.modelops.operator.customjobrun.RunFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelops.operator.naming.RunLabels;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunConfigTest {
  @Test
  void holdsTheWorkerConfigAsJsonAndTheJobMountsIt() {
    var plan = plan(job("workerConfig: \"inputs: {input_df: {type: dataset}}\""), Optional.empty());
    var config = RunConfig.desired(plan);
    assertThat(config.getMetadata().getName()).isEqualTo("metrics-1-config");
    assertThat(config.getMetadata().getLabels()).containsEntry(RunLabels.RUN, "metrics-1");
    assertThat(config.getData()).containsOnlyKeys("worker-config.json");
    assertThat(config.getData().get("worker-config.json"))
        .isEqualTo("{\"inputs\":{\"input_df\":{\"type\":\"dataset\"}}}");
    var container = RunJob.desired(plan).getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getVolumeMounts())
        .anySatisfy(
            m -> assertThat(m.getMountPath()).isEqualTo("/etc/modelops/worker-config.json"));
  }

  @Test
  void aJobWithoutWorkerConfigOrMetricsNeedsNoConfigMap() {
    assertThat(plan(job(""), Optional.empty()).needsConfig()).isFalse();
  }
}
