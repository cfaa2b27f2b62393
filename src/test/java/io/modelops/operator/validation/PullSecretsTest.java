package io.modelops.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.common.EnvironmentRef;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.config.PlacementSettings;
import io.modelops.operator.executionenvironment.EnvironmentResolution;
import io.modelops.operator.lookup.FixedLookups;
import io.modelops.operator.status.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PullSecretsTest {
  static final ExecutionEnvironment ENV =
      Serialization.unmarshal(
          """
          apiVersion: modelops.io/v1alpha1
          kind: ExecutionEnvironment
          metadata: {name: python}
          spec:
            versions:
              - {label: "1.0", image: "python:3.11-slim"}
              - {label: "2.0", image: "registry.example/python:3.12", imagePullSecrets: [regcred, opaque]}
          """,
          ExecutionEnvironment.class);

  static EnvironmentResolution.Resolved resolve(String version) {
    EnvironmentRef ref = new EnvironmentRef();
    ref.setName("python");
    ref.setVersion(version);
    return EnvironmentResolution.resolve("spec.environment", ref, n -> Optional.of(ENV))
        .resolved()
        .orElseThrow();
  }

  @Test
  void aMissingOrUntypedPullSecretIsRefusedNamingTheEnvironmentVersionsField() {
    var lookups = FixedLookups.of(Map.of("opaque", Set.of("token")), Set.of(), Set.of());

    List<Problem> problems = PullSecrets.check(resolve("2.0"), lookups, "team-a");

    assertThat(problems)
        .extracting(Problem::reason, Problem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "SecretNotFound",
                "ExecutionEnvironment \"python\" spec.versions[1].imagePullSecrets[0]: image pull"
                    + " Secret \"regcred\" does not exist in namespace team-a"),
            org.assertj.core.groups.Tuple.tuple(
                "SecretKeyNotFound",
                "ExecutionEnvironment \"python\" spec.versions[1].imagePullSecrets[1]: Secret"
                    + " \"opaque\" in namespace team-a has no key .dockerconfigjson (an image pull"
                    + " Secret is of type kubernetes.io/dockerconfigjson)"));
  }

  @Test
  void presentPullSecretsPassAndVersionsWithoutAnyNeedNoLookup() {
    var lookups =
        FixedLookups.of(
            Map.of("regcred", Set.of(".dockerconfigjson"), "opaque", Set.of(".dockerconfigjson")),
            Set.of(),
            Set.of());

    assertThat(PullSecrets.check(resolve("2.0"), lookups, "team-a")).isEmpty();
    assertThat(resolve("1.0").imagePullSecrets()).isEmpty();
  }

  @Test
  void thePodNamesTheEnvironmentsSecretsThenTheOperatorsEachOnce() {
    var defaults = OperatorConfig.defaults();
    var config =
        new OperatorConfig(
            defaults.limits(),
            defaults.platformApi(),
            defaults.ingressNamespaces(),
            defaults.gitFetcherImage(),
            defaults.watchNamespaces(),
            false,
            defaults.leaseNamespace(),
            defaults.endpoints(),
            defaults.reconcileThreads(),
            defaults.gitHttpHosts(),
            defaults.egress(),
            defaults.ephemeralStorage(),
            new PlacementSettings(null, List.of("platform-registry", "regcred"), false),
            null);

    assertThat(PullSecrets.of(resolve("2.0"), config))
        .containsExactly("regcred", "opaque", "platform-registry");
    assertThat(PullSecrets.of(resolve("1.0"), config))
        .containsExactly("platform-registry", "regcred");
  }
}
