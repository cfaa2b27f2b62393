package io.modelops.operator.custommodel;

import static io.modelops.operator.custommodel.ServingFixtures.model;
import static io.modelops.operator.custommodel.ServingFixtures.observed;
import static io.modelops.operator.custommodel.ServingFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelops.operator.status.Problem;
import io.modelops.operator.status.Reasons;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@link CustomModelValidator} refuses before anything is planned. */
class CustomModelValidatorTest {
  static CustomModelValidator.Validation validate(String spec, String... versionSpecs) {
    List<io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion> versions =
        new java.util.ArrayList<>();
    for (int i = 0; i < versionSpecs.length; i++) {
      versions.add(version("v" + (i + 1), i + 1, versionSpecs[i]));
    }
    return CustomModelValidator.validate(
        model(spec), observed(versions, List.of(), Optional.empty()), ServingFixtures.CONFIG);
  }

  @Test
  void servesTheNewestValidVersion() {
    var validation = validate("", "", "");

    assertThat(validation.problems()).isEmpty();
    assertThat(validation.valid().orElseThrow().version().getMetadata().getName()).isEqualTo("v2");
    assertThat(validation.latestVersion()).contains("v2");
  }

  @Test
  void refusesAnActiveVersionThatDoesNotExist() {
    var validation = validate("activeVersion: v9", "");

    assertThat(validation.problems())
        .containsExactly(
            Problem.of(
                Reasons.VERSION_NOT_FOUND,
                "spec.activeVersion: CustomModelVersion \"v9\" of this model does not exist in"
                    + " namespace team-a"));
    assertThat(validation.target()).contains("v9");
  }

  @Test
  void waitsWhenNoVersionReferencesTheModel() {
    var validation = validate("");

    assertThat(validation.problems())
        .containsExactly(
            Problem.of(
                Reasons.NO_VALID_VERSION, "no CustomModelVersion references this model yet"));
  }

  @Test
  void reportsTheVersionsProblemsByNameAndTheSettingsProblemsAllAtOnce() {
    var validation =
        validate(
            "replicas: 1\nrequiresHa: true",
            "entryPoint: /abs\nruntimeParameterDefinitions: [{fieldName: DB, type: credential}]");

    assertThat(validation.valid()).isEmpty();
    assertThat(validation.problems())
        .extracting(Problem::reason)
        .containsExactly(
            Reasons.INVALID_SPEC,
            Reasons.MISSING_RUNTIME_PARAMETER,
            Reasons.HIGH_AVAILABILITY_NEEDS_REPLICAS);
    assertThat(validation.problems().get(0).message()).startsWith("version v1: spec.entryPoint");
  }

  @Test
  void refusesAModelWithoutTargetTypeOrWithHalfTheClassLabels() {
    var model = model("");
    model.getSpec().setTargetType(null);
    model.getSpec().setNegativeClassLabel(null);

    var validation =
        CustomModelValidator.validate(
            model,
            observed(List.of(version("v1", 1)), List.of(), Optional.empty()),
            ServingFixtures.CONFIG);

    assertThat(validation.problems())
        .extracting(Problem::message)
        .containsExactly(
            "spec.targetType is required",
            "positiveClassLabel and negativeClassLabel must be set together (both or neither)");
    assertThat(validation.problems())
        .extracting(Problem::reason)
        .containsOnly(Reasons.INVALID_SPEC);
  }
}
