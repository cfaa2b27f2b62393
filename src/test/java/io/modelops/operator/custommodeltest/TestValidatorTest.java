package io.modelops.operator.custommodeltest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import io.modelops.operator.api.v1alpha1.executionenvironment.ExecutionEnvironment;
import io.modelops.operator.config.OperatorConfig;
import io.modelops.operator.lookup.NamespaceLookups;
import io.modelops.operator.pod.TesterInputs;
import io.modelops.operator.status.Problem;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Refusals and waits of a test before it may start, each naming its field. */
class TestValidatorTest {
  static final ExecutionEnvironment ENV =
      Serialization.unmarshal(
          """
          apiVersion: modelops.io/v1alpha1
          kind: ExecutionEnvironment
          metadata: {name: py}
          spec:
            programmingLanguage: python
            versions: [{label: "1", image: "python:3.11"}]
          """,
          ExecutionEnvironment.class);

  static CustomModel model(String targetType) {
    return Serialization.unmarshal(
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModel
        metadata: {name: m, namespace: ns}
        spec: {targetType: %s, targetName: y}
        """
            .formatted(targetType),
        CustomModel.class);
  }

  static CustomModelVersion version(boolean validated) {
    return Serialization.unmarshal(
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModelVersion
        metadata: {name: v1, namespace: ns, generation: 1}
        spec:
          customModelRef: {name: m}
          environment: {name: py}
          code: {configMap: {name: code}}
        %s
        """
            .formatted(
                validated
                    ? "status: {observedGeneration: 1, conditions: [{type: Validated,"
                        + " status: \"True\", reason: Validated}]}"
                    : ""),
        CustomModelVersion.class);
  }

  static CustomModelTest test(String spec) {
    return Serialization.unmarshal(
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModelTest
        metadata: {name: t, namespace: ns}
        spec:
          customModelVersionRef: {name: v1}
        %s
        """
            .formatted(spec.indent(2)),
        CustomModelTest.class);
  }

  static final NamespaceLookups NO_CLAIMS =
      new NamespaceLookups() {
        @Override
        public SecretState secret(String name, String key) {
          return SecretState.PRESENT;
        }

        @Override
        public boolean configMapExists(String name) {
          return true;
        }

        @Override
        public boolean persistentVolumeClaimExists(String name) {
          return false;
        }
      };

  static TestValidator.Validation validate(
      CustomModelTest test, Optional<CustomModelVersion> version, Optional<CustomModel> model) {
    var lookups =
        new TestValidator.Lookups(
            name -> version.filter(v -> v.getMetadata().getName().equals(name)),
            name -> model.filter(m -> m.getMetadata().getName().equals(name)),
            name -> name.equals("py") ? Optional.of(ENV) : Optional.empty(),
            Map.of(),
            NO_CLAIMS,
            (cm, key) -> cm.equals("data") ? Optional.of(key.equals("x.csv")) : Optional.empty());
    return TestValidator.validate(test, lookups, OperatorConfig.defaults());
  }

  static Problem only(TestValidator.Validation v) {
    assertThat(v.problems()).hasSize(1);
    return v.problems().get(0);
  }

  @Test
  void aMissingModelOrAVersionNotYetValidatedIsAWaitNotARefusal() {
    var noModel = validate(test(""), Optional.of(version(true)), Optional.empty());
    assertThat(noModel.waits()).isTrue();
    assertThat(only(noModel))
        .isEqualTo(
            Problem.of(
                "ModelNotFound",
                "spec.customModelVersionRef.name: the model of CustomModelVersion \"v1\","
                    + " CustomModel \"m\", does not exist in namespace ns"));
    var pending = validate(test(""), Optional.of(version(false)), Optional.of(model("Binary")));
    assertThat(pending.waits()).isTrue();
    assertThat(only(pending))
        .isEqualTo(
            Problem.of(
                "VersionPending",
                "spec.customModelVersionRef.name: CustomModelVersion \"v1\" is not validated yet"));
  }

  @Test
  void aMissingConfigMapOrClaimIsNamedByItsField() {
    var cm =
        validate(
            test("dataset: {configMapKeyRef: {name: other, key: x.csv}}"),
            Optional.of(version(true)),
            Optional.of(model("Regression")));
    assertThat(only(cm))
        .isEqualTo(
            Problem.of(
                "ConfigMapNotFound",
                "spec.dataset.configMapKeyRef.name: ConfigMap \"other\" does not exist"));
    var claim =
        validate(
            test("dataset: {persistentVolumeClaim: {claimName: data, path: a/b.csv}}"),
            Optional.of(version(true)),
            Optional.of(model("Regression")));
    assertThat(only(claim))
        .isEqualTo(
            Problem.of(
                "PersistentVolumeClaimNotFound",
                "spec.dataset.persistentVolumeClaim.claimName: PersistentVolumeClaim \"data\""
                    + " does not exist"));
  }

  @Test
  void anOverriddenEnvironmentIsNamedAsTheOverride() {
    var v =
        validate(
            test(
                "dataset: {configMapKeyRef: {name: data, key: x.csv}}\n"
                    + "overrides: {environment: {name: nope}}"),
            Optional.of(version(true)),
            Optional.of(model("Regression")));
    assertThat(only(v))
        .isEqualTo(
            Problem.of(
                "EnvironmentNotFound",
                "spec.overrides.environment.name: ExecutionEnvironment \"nope\" does not exist"));
  }

  @Test
  void anUnstructuredModelIsTestedWithoutADatasetAndOverridesApply() {
    var v =
        validate(
            test("overrides: {maximumMemory: 268435456, networkEgressPolicy: PUBLIC}"),
            Optional.of(version(true)),
            Optional.of(model("Unstructured")));
    assertThat(v.problems()).isEmpty();
    var valid = v.valid().orElseThrow();
    assertThat(valid.dataset()).isEmpty();
    assertThat(valid.serving().limits().get("memory").toString()).isEqualTo("268435456");
    assertThat(valid.serving().networkEgressPolicy().name()).isEqualTo("PUBLIC");
    var withData =
        validate(
            test("dataset: {configMapKeyRef: {name: data, key: x.csv}}"),
            Optional.of(version(true)),
            Optional.of(model("Regression")));
    assertThat(withData.valid().orElseThrow().dataset())
        .contains(new TesterInputs.ConfigMapKey("data", "x.csv"));
  }
}
