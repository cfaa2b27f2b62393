package io.modelops.operator.customjob;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.customjob.CustomJob;
import io.modelops.operator.config.OperatorConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobNetworkPolicyTest {
  static final OperatorConfig CONFIG =
      new OperatorConfig(null, null, null, null, List.of(), false, null, null, 0);

  static CustomJob job(String resources) {
    return Serialization.unmarshal(
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomJob
        metadata: {name: nightly, namespace: team-a}
        spec:
          environment: {image: "python:3.11"}
          code: {configMap: {name: code}}
        %s
        """
            .formatted(resources.indent(2)),
        CustomJob.class);
  }

  @Test
  void selectsTheJobsRunPodsAndAcceptsNoIngress() {
    var policy = new JobNetworkPolicy(CONFIG).desired(job(""));
    assertThat(policy.getMetadata().getName()).isEqualTo("nightly-job");
    assertThat(policy.getMetadata().getNamespace()).isEqualTo("team-a");
    assertThat(policy.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "modelops-operator")
        .containsEntry("modelops.io/job", "nightly");
    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .containsExactlyEntriesOf(java.util.Map.of("modelops.io/job", "nightly"));
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(policy.getSpec().getIngress()).isEmpty();
  }

  @Test
  void noneAllowsOnlyDnsAndPublicAnyAddressButLinkLocal() {
    var none = new JobNetworkPolicy(CONFIG).desired(job(""));
    assertThat(none.getSpec().getEgress())
        .singleElement()
        .satisfies(
            rule ->
                assertThat(rule.getPorts())
                    .extracting(p -> p.getPort().getIntVal())
                    .containsOnly(53));
    var open =
        new JobNetworkPolicy(CONFIG).desired(job("resources: {egressNetworkPolicy: public}"));
    assertThat(open.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(open.getSpec().getEgress()).hasSize(2);
    assertThat(open.getSpec().getEgress().get(1).getTo().get(0).getIpBlock().getExcept())
        .contains("169.254.0.0/16");
  }
}
