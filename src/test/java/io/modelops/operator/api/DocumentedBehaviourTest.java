package io.modelops.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.modelops.operator.api.v1alpha1.common.NetworkEgressPolicy;
import io.modelops.operator.api.v1alpha1.customjob.JobEgressPolicy;
import io.modelops.operator.api.v1alpha1.custommodel.Serving;
import io.modelops.operator.api.v1alpha1.resourcebundle.GpuMaker;
import io.modelops.operator.bench.PlanningBench;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.config.OperatorConfig.PlatformApiDestinations;
import io.modelops.operator.naming.WireNames;
import io.modelops.operator.network.EgressPolicies;
import io.modelops.operator.network.EgressPolicies.Egress;
import io.modelops.operator.resourcebundle.BundleChoice;
import io.modelops.operator.runtimeparams.RuntimeParameters;
import io.modelops.operator.validation.WorkloadReferences;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What `kubectl explain` tells users about a flag or an enum value is what the operator does: each
 * test reads a field's description from the generated CRD and checks the documented behaviour
 * against the code that implements it, where that is cheap to do without a cluster.
 */
class DocumentedBehaviourTest {
  private static final OperatorConfig CONFIG =
      new OperatorConfig(
          null,
          new PlatformApiDestinations(
              Map.of("kubernetes.io/metadata.name", "platform"),
              List.of("10.20.0.0/16"),
              List.of(443)),
          List.of(),
          null,
          null,
          false,
          null,
          null,
          0);

  @Test
  void servingDisabledScalesTheServedDeploymentToZeroAndDeletesNothing() {
    String doc = description("custommodels", "spec", "serving", "enabled");
    assertThat(doc)
        .contains("scaled to 0 replicas")
        .contains("without deleting")
        .doesNotContain("removed");

    PlanningBench.Inputs inputs = new PlanningBench.Inputs();
    inputs.setUp();
    Serving off = new Serving();
    off.setEnabled(false);
    inputs.model.getSpec().setServing(off);
    var planned = PlanningBench.plan(inputs.model, inputs.observed, inputs.config);
    assertThat(planned.plan()).hasValueSatisfying(p -> assertThat(p.replicas()).isZero());
    assertThat(planned.deployment())
        .hasValueSatisfying(d -> assertThat(d.getSpec().getReplicas()).isZero());
    assertThat(planned.service()).isPresent();
    assertThat(planned.networkPolicy()).isPresent();
  }

  @ParameterizedTest
  @EnumSource(Egress.class)
  void modelEgressPolicyValuesShapeTheNetworkPolicyAsDocumented(Egress egress) {
    String doc = description("custommodels", "spec", "networkEgressPolicy");
    assertThat(enumValues("custommodels", "spec", "networkEgressPolicy"))
        .containsExactlyInAnyOrder("NONE", "DR_API_ACCESS", "PUBLIC");
    NetworkPolicy policy =
        EgressPolicies.policy(
            "churn",
            "team-a",
            Map.of(),
            Map.of("modelops.io/model", "churn"),
            egress,
            Optional.of(8080),
            CONFIG);
    List<String> destinations = destinations(policy);
    switch (egress) {
      case NONE -> {
        assertThat(doc).contains("NONE (cluster DNS only)");
        assertThat(destinations).containsExactly("dns");
      }
      case DR_API_ACCESS -> {
        assertThat(doc).contains("DR_API_ACCESS (DNS and the platform API destinations");
        assertThat(destinations).containsExactly("dns", "platform");
      }
      case PUBLIC -> {
        assertThat(doc).contains("PUBLIC (DNS and any address except link-local/cloud metadata");
        assertThat(destinations).containsExactly("dns", "public");
      }
      default -> throw new IllegalStateException();
    }
    assertThat(doc).contains("Default: NONE");
    assertThat(Egress.of((NetworkEgressPolicy) null)).isEqualTo(Egress.NONE);
  }

  @Test
  void jobEgressPolicyValuesShapeTheNetworkPolicyAsDocumented() {
    String doc = description("customjobs", "spec", "resources", "egressNetworkPolicy");
    assertThat(enumValues("customjobs", "spec", "resources", "egressNetworkPolicy"))
        .containsExactlyInAnyOrder("none", "public");
    assertThat(doc)
        .contains("none (DNS only)")
        .contains("public (DNS and any address except link-local")
        .contains("Default: none");
    NetworkPolicy none =
        EgressPolicies.policy(
            "job",
            "team-a",
            Map.of(),
            Map.of("a", "b"),
            Egress.of(JobEgressPolicy.NONE),
            Optional.empty(),
            CONFIG);
    assertThat(destinations(none)).containsExactly("dns");
    NetworkPolicy open =
        EgressPolicies.policy(
            "job",
            "team-a",
            Map.of(),
            Map.of("a", "b"),
            Egress.of(JobEgressPolicy.PUBLIC),
            Optional.empty(),
            CONFIG);
    assertThat(destinations(open)).containsExactly("dns", "public");
    assertThat(Egress.of((JobEgressPolicy) null)).isEqualTo(Egress.NONE);
  }

  @ParameterizedTest
  @EnumSource(GpuMaker.class)
  void gpuMakersNameTheExtendedResourceTheDescriptionPromises(GpuMaker maker) {
    String doc = description("resourcebundles", "spec", "gpuMaker");
    String wire = WireNames.of(maker);
    assertThat(doc).contains(wire + " (" + BundleChoice.gpuResource(wire) + ")");
  }

  @Test
  void secretKeyDefaultsAreTheOnesTheOperatorUses() {
    String key = description("custommodelversions", "spec", "code", "git", "secretRef", "key");
    assertThat(key)
        .contains(
            "Default: "
                + RuntimeParameters.DEFAULT_CREDENTIAL_KEY
                + " for a credential runtime parameter")
        .contains(WorkloadReferences.DEFAULT_GIT_SECRET_KEY + " for a git source");
    assertThat(description("custommodelversions", "spec", "code", "git", "secretRef"))
        .contains("default " + WorkloadReferences.DEFAULT_GIT_SECRET_KEY);
  }

  @Test
  void environmentImageReferenceStatesAreTheOnesTheReconcilerWrites() {
    assertThat(enumValues("executionenvironments", "status", "versions", "[]", "imageReference"))
        .containsExactlyInAnyOrder("Valid", "Invalid");
  }

  private static List<String> destinations(NetworkPolicy policy) {
    List<String> out = new ArrayList<>();
    policy
        .getSpec()
        .getEgress()
        .forEach(
            rule -> {
              boolean dns =
                  rule.getPorts() != null
                      && rule.getPorts().stream()
                          .anyMatch(
                              p ->
                                  p.getPort() != null
                                      && p.getPort().getIntVal() != null
                                      && p.getPort().getIntVal() == 53);
              boolean anyAddress =
                  rule.getTo() != null
                      && rule.getTo().stream()
                          .anyMatch(
                              t ->
                                  t.getIpBlock() != null
                                      && "0.0.0.0/0".equals(t.getIpBlock().getCidr()));
              out.add(dns ? "dns" : anyAddress ? "public" : "platform");
            });
    return out;
  }

  /** The schema node of a field: path segments, "[]" stepping into a list's items. */
  private static JsonNode field(String plural, String... path) {
    JsonNode node = GeneratedCrds.schema(plural);
    for (String segment : path) {
      node = segment.equals("[]") ? node.path("items") : node.path("properties").path(segment);
    }
    assertThat(node.isMissingNode()).as(plural + " " + String.join(".", path)).isFalse();
    return node;
  }

  private static String description(String plural, String... path) {
    return field(plural, path).path("description").asText();
  }

  private static List<String> enumValues(String plural, String... path) {
    List<String> values = new ArrayList<>();
    field(plural, path).path("enum").forEach(v -> values.add(v.asText()));
    return values;
  }
}
