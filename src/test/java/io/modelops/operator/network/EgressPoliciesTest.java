package io.modelops.operator.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.modelops.operator.api.v1alpha1.common.NetworkEgressPolicy;
import io.modelops.operator.api.v1alpha1.customjob.JobEgressPolicy;
import io.modelops.operator.config.EgressRules;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.config.OperatorConfig.PlatformApiDestinations;
import io.modelops.operator.network.EgressPolicies.Egress;
import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EgressPoliciesTest {
  static final Map<String, String> POD = Map.of("modelops.io/model", "churn");
  static final OperatorConfig CONFIG =
      new OperatorConfig(
          null,
          new PlatformApiDestinations(
              Map.of("kubernetes.io/metadata.name", "platform"),
              List.of("10.20.0.0/16"),
              List.of(443)),
          List.of("gateway"),
          null,
          null,
          false,
          null,
          null,
          0);

  static NetworkPolicy of(Egress egress, Optional<Integer> port) {
    return EgressPolicies.policy("churn", "team-a", Map.of(), POD, egress, port, CONFIG);
  }

  @Test
  void noneAllowsOnlyClusterDns() {
    var spec = of(Egress.NONE, Optional.of(8080)).getSpec();
    assertThat(spec.getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(spec.getEgress()).hasSize(1);
    var dns = spec.getEgress().get(0);
    assertThat(dns.getPorts())
        .extracting(p -> p.getProtocol() + "/" + p.getPort().getIntVal())
        .containsExactly("UDP/53", "TCP/53");
    assertThat(dns.getTo().get(0).getNamespaceSelector().getMatchLabels())
        .containsEntry("kubernetes.io/metadata.name", "kube-system");
    assertThat(spec.getPodSelector().getMatchLabels()).isEqualTo(POD);
  }

  @Test
  void drApiAccessAddsThePlatformDestinations() {
    var egress = of(Egress.DR_API_ACCESS, Optional.of(8080)).getSpec().getEgress();
    assertThat(egress).hasSize(2);
    var api = egress.get(1);
    assertThat(api.getTo()).hasSize(2);
    assertThat(api.getTo().get(0).getNamespaceSelector().getMatchLabels())
        .containsEntry("kubernetes.io/metadata.name", "platform");
    assertThat(api.getTo().get(1).getIpBlock().getCidr()).isEqualTo("10.20.0.0/16");
    assertThat(api.getPorts()).extracting(p -> p.getPort()).containsExactly(new IntOrString(443));
  }

  @Test
  void publicOpensEgressExceptLinkLocalAndMetadataAndStillGuardsIngress() {
    var spec = of(Egress.PUBLIC, Optional.of(8080)).getSpec();
    assertThat(spec.getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(spec.getEgress()).hasSize(2);
    var open = spec.getEgress().get(1);
    assertThat(open.getPorts()).isNullOrEmpty();
    assertThat(open.getTo()).hasSize(2);
    assertThat(open.getTo().get(0).getIpBlock().getCidr()).isEqualTo("0.0.0.0/0");
    assertThat(open.getTo().get(0).getIpBlock().getExcept())
        .containsExactly("169.254.0.0/16", "100.100.100.200/32");
    assertThat(open.getTo().get(1).getIpBlock().getCidr()).isEqualTo("::/0");
    assertThat(open.getTo().get(1).getIpBlock().getExcept())
        .containsExactly("fe80::/10", "fd00:ec2::254/128");
  }

  @Test
  void publicAlsoExcludesTheClusterRangesThePlatformNames() {
    OperatorConfig config =
        new OperatorConfig(
            null,
            null,
            null,
            null,
            null,
            false,
            null,
            null,
            0,
            null,
            new EgressRules(
                null, List.of("10.96.0.0/12", "10.244.0.0/16", "fd00:10::/64"), null, null),
            null);
    var spec =
        EgressPolicies.policy(
                "m", "team-a", Map.of(), Map.of(), Egress.PUBLIC, Optional.empty(), config)
            .getSpec();
    var open = spec.getEgress().get(1);
    assertThat(open.getTo().get(0).getIpBlock().getExcept())
        .containsExactly("169.254.0.0/16", "100.100.100.200/32", "10.96.0.0/12", "10.244.0.0/16");
    assertThat(open.getTo().get(1).getIpBlock().getExcept())
        .containsExactly("fe80::/10", "fd00:ec2::254/128", "fd00:10::/64");
  }

  @Test
  void aNamespaceMayUseOnlyThePoliciesThePlatformAllowsAndARefusalNamesTheSetting() {
    var rules =
        new EgressRules(
            null,
            null,
            List.of("NONE", "DR_API_ACCESS"),
            Map.of("team-open", List.of("NONE", "DR_API_ACCESS", "PUBLIC")));

    assertThat(EgressPolicies.allowed("spec.networkEgressPolicy", Egress.NONE, "team-a", rules))
        .isEmpty();
    assertThat(
            EgressPolicies.allowed("spec.networkEgressPolicy", Egress.PUBLIC, "team-open", rules))
        .isEmpty();
    assertThat(EgressPolicies.allowed("spec.networkEgressPolicy", Egress.PUBLIC, "team-a", rules))
        .contains(
            Problem.of(
                Reasons.EGRESS_NOT_ALLOWED,
                "spec.networkEgressPolicy: egress policy PUBLIC is not allowed in namespace team-a"
                    + " (operator setting egress.defaultAllowed allows [NONE, DR_API_ACCESS])"));
  }

  @Test
  void modelPodsAcceptTheirNamespaceAndConfiguredNamespacesOnTheirPortOnly() {
    var ingress = of(Egress.NONE, Optional.of(8080)).getSpec().getIngress();
    assertThat(ingress).hasSize(1);
    assertThat(ingress.get(0).getPorts())
        .extracting(p -> p.getPort().getIntVal())
        .containsExactly(8080);
    assertThat(ingress.get(0).getFrom()).hasSize(2);
    assertThat(ingress.get(0).getFrom().get(1).getNamespaceSelector().getMatchLabels())
        .containsEntry("kubernetes.io/metadata.name", "gateway");
  }

  @Test
  void jobPodsAcceptNoIngress() {
    var spec = of(Egress.PUBLIC, Optional.empty()).getSpec();
    assertThat(spec.getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(spec.getIngress()).isEmpty();
  }

  @Test
  void parsesModelAndJobSpellings() {
    assertThat(Egress.of(JobEgressPolicy.NONE)).isEqualTo(Egress.NONE);
    assertThat(Egress.of(JobEgressPolicy.PUBLIC)).isEqualTo(Egress.PUBLIC);
    assertThat(Egress.of(NetworkEgressPolicy.DR_API_ACCESS)).isEqualTo(Egress.DR_API_ACCESS);
    assertThat(Egress.of((NetworkEgressPolicy) null)).isEqualTo(Egress.NONE);
    assertThat(Egress.of((JobEgressPolicy) null)).isEqualTo(Egress.NONE);
  }
}
