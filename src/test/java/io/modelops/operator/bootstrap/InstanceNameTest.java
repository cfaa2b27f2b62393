package io.modelops.operator.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replica's name in its Lease and user agent: unique per process, the pod name in a pod. */
class InstanceNameTest {
  @Test
  void explicitNameWins() {
    assertThat(
            Main.instanceName(
                Map.of("MODELOPS_INSTANCE", "op-1", "POD_NAME", "pod", "HOSTNAME", "host")))
        .isEqualTo("op-1");
  }

  @Test
  void podNameInsideAPod() {
    assertThat(Main.instanceName(Map.of("POD_NAME", "modelops-operator-abc")))
        .isEqualTo("modelops-operator-abc");
    assertThat(
            Main.instanceName(
                Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "HOSTNAME", "modelops-operator-xyz")))
        .isEqualTo("modelops-operator-xyz");
  }

  @Test
  void outsideAPodTheProcessIdTellsReplicasOnOneHostApart() {
    // HOSTNAME is the same for every process of a machine: it alone would make all replicas
    // believe they hold the Lease.
    assertThat(Main.instanceName(Map.of("HOSTNAME", "laptop")))
        .endsWith("-" + ProcessHandle.current().pid());
  }
}
