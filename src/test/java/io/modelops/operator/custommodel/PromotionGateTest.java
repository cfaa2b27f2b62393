package io.modelops.operator.custommodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.modelops.operator.api.v1alpha1.custommodel.CustomModel;
import io.modelops.operator.api.v1alpha1.custommodeltest.CustomModelTest;
import io.modelops.operator.api.v1alpha1.custommodelversion.CustomModelVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromotionGateTest {
  static final CustomModel GATED =
      Serialization.unmarshal(
          """
          apiVersion: modelops.io/v1alpha1
          kind: CustomModel
          metadata: {name: churn, namespace: ns}
          spec: {targetType: Regression, targetName: y, promotion: {requireSuccessfulTest: true}}
          """,
          CustomModel.class);

  static final CustomModelVersion V2 =
      Serialization.unmarshal(
          """
          apiVersion: modelops.io/v1alpha1
          kind: CustomModelVersion
          metadata: {name: v2, namespace: ns, generation: 3}
          spec: {customModelRef: {name: churn}}
          """,
          CustomModelVersion.class);

  static CustomModelTest test(String name, String version, int second, String overall, long gen) {
    return Serialization.unmarshal(
        """
        apiVersion: modelops.io/v1alpha1
        kind: CustomModelTest
        metadata: {name: %s, namespace: ns, creationTimestamp: "2026-11-23T00:00:%02dZ"}
        spec: {customModelVersionRef: {name: %s}}
        status: {overallStatus: %s, testedVersionGeneration: %d, customModel: churn}
        """
            .formatted(name, second, version, overall, gen),
        CustomModelTest.class);
  }

  static PromotionGate.Verdict verdict(CustomModelTest... tests) {
    return PromotionGate.check(GATED, V2, List.of(tests)).orElseThrow();
  }

  @Test
  void theGateIsOffByDefault() {
    CustomModel open = Serialization.clone(GATED);
    open.getSpec().setPromotion(null);
    assertThat(PromotionGate.check(open, V2, List.of())).isEmpty();
  }

  @Test
  void aSucceededTestAtTheVersionsGenerationPassesIt() {
    var v = verdict(test("t1", "v2", 1, "succeeded", 3));
    assertThat(v.passed()).isTrue();
    assertThat(v.reason()).isEqualTo("TestSucceeded");
    assertThat(v.message()).isEqualTo("version v2 passed CustomModelTest t1 at generation 3");
  }

  @Test
  void withoutATestTheVersionWaitsWithTestRequired() {
    var v = verdict(test("other", "v1", 1, "succeeded", 3));
    assertThat(v.passed()).isFalse();
    assertThat(v.reason()).isEqualTo("TestRequired");
    assertThat(v.message())
        .isEqualTo(
            "version v2 (generation 3) waits for a succeeded CustomModelTest"
                + " (spec.promotion.requireSuccessfulTest); no test of it exists");
  }

  @Test
  void aVersionServedAlreadyIsNotHeldBackAndTheVerdictSaysWhatANewOneNeeds() {
    var held = verdict();
    var serving = PromotionGate.serving(held);
    assertThat(serving.passed()).isTrue();
    assertThat(serving.reason()).isEqualTo("AlreadyServing");
    assertThat(serving.message())
        .isEqualTo(
            "serving already, so not held back; for a new version: version v2 (generation 3)"
                + " waits for a succeeded CustomModelTest (spec.promotion.requireSuccessfulTest);"
                + " no test of it exists");
  }

  @Test
  void aTestOfAnOlderGenerationDoesNotCount() {
    var v = verdict(test("t1", "v2", 1, "succeeded", 2));
    assertThat(v.reason()).isEqualTo("TestRequired");
    assertThat(v.message())
        .endsWith("its latest test, CustomModelTest t1, tested generation 2 (succeeded)");
  }

  @Test
  void aFailedOrWarningLatestTestHoldsItWithTestFailed() {
    assertThat(verdict(test("t1", "v2", 1, "failed", 3)).reason()).isEqualTo("TestFailed");
    var warning = verdict(test("t1", "v2", 1, "warning", 3));
    assertThat(warning.reason()).isEqualTo("TestFailed");
    assertThat(warning.message()).endsWith("its latest test, CustomModelTest t1, ended warning");
  }

  @Test
  void aTestInProgressIsNamedWhileTheVersionWaits() {
    var v = verdict(test("t1", "v2", 1, "failed", 3), test("t2", "v2", 2, "in_progress", 3));
    assertThat(v.reason()).isEqualTo("TestRequired");
    assertThat(v.message()).endsWith("; CustomModelTest t2 is in_progress");
  }

  @Test
  void aLaterSucceededTestReleasesAVersionThatFailedBefore() {
    var v = verdict(test("t1", "v2", 1, "failed", 3), test("t2", "v2", 2, "succeeded", 3));
    assertThat(v.passed()).isTrue();
  }
}
