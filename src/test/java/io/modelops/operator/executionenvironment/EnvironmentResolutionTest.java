package io.modelops.operator.executionenvironment;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.common.EnvironmentRef;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.status.Problem;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentResolutionTest {
  static final ExecutionEnvironment PYTHON =
      Serialization.unmarshal(
          """
      apiVersion: modelops.io/v1alpha1
      kind: ExecutionEnvironment
      metadata: {name: python311}
      spec:
        programmingLanguage: python
        requiredMetadataKeys: [{fieldName: MODEL_FAMILY}]
        versions: [{label: "1.0", image: "python:3.11-slim"}, {label: "1.1", image: "python:3.11.9"}]
      """,
          ExecutionEnvironment.class);

  /** YAML flow mappings read as JSON by fabric8 when they start with a brace; nest them. */
  public static class Holder {
    public EnvironmentRef ref;
  }

  static EnvironmentResolution.Outcome resolve(String yaml) {
    return EnvironmentResolution.resolve(
        "spec.environment",
        Serialization.unmarshal("ref: " + yaml, Holder.class).ref,
        name -> name.equals("python311") ? Optional.of(PYTHON) : Optional.empty());
  }

  @Test
  void usesTheNamedVersionElseTheLastListed() {
    assertThat(resolve("{name: python311, version: '1.0'}").resolved().orElseThrow().image())
        .isEqualTo("python:3.11-slim");
    var latest = resolve("{name: python311}").resolved().orElseThrow();
    assertThat(latest.image()).isEqualTo("python:3.11.9");
    assertThat(latest.versionLabel()).contains("1.1");
    assertThat(latest.requiredMetadataKeys()).hasSize(1);
  }

  @Test
  void aDirectImageNeedsNoEnvironment() {
    var direct = resolve("{image: 'registry.local/model:1'}").resolved().orElseThrow();
    assertThat(direct.image()).isEqualTo("registry.local/model:1");
    assertThat(direct.requiredMetadataKeys()).isEmpty();
  }

  @Test
  void refusesAMissingEnvironmentOrVersionNamingTheField() {
    assertThat(resolve("{name: julia}").problem())
        .contains(
            Problem.of(
                "EnvironmentNotFound",
                "spec.environment.name: ExecutionEnvironment \"julia\" does not exist"));
    assertThat(resolve("{name: python311, version: '9.9'}").problem())
        .contains(
            Problem.of(
                "EnvironmentVersionNotFound",
                "spec.environment.version: ExecutionEnvironment"
                    + " \"python311\" has no version \"9.9\" with an image"));
  }
}
