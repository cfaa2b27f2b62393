package io.modelops.operator.resourcebundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.modelops.operator.api.v1alpha1.common.Condition;
import io.modelops.operator.api.v1alpha1.resourcebundle.GpuMaker;
import io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundle;
import io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundleSpec;
import io.modelops.operator.api.v1alpha1.resourcebundle.ResourceBundleStatus;
import io.modelops.operator.api.v1alpha1.resourcebundle.UseCase;
import io.modelops.operator.config.PlacementSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceBundleReconcilerTest {
  private final ResourceBundleReconciler reconciler =
      new ResourceBundleReconciler(
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void aValidBundleIsReadyAndReportsTheResourcesAPodGets() {
    ResourceBundleStatus status =
        reconcile(
            bundle(
                s -> {
                  s.setGpuCount(2);
                  s.setGpuMaker(GpuMaker.AMD);
                }));
    assertThat(ready(status).getStatus().name()).isEqualTo("TRUE");
    assertThat(ready(status).getReason()).isEqualTo("Available");
    assertThat(status.getResources())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("cpu", "2", "memory", "1073741824", "amd.com/gpu", "2"));
  }

  @Test
  void gpusAreReportedUnderTheResourceNameTheOperatorIsConfiguredWith() {
    var renamed =
        new ResourceBundleReconciler(
            new PlacementSettings(Map.of("intel", "gpu.intel.com/xe"), null, false),
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    ResourceBundle bundle =
        bundle(
            s -> {
              s.setGpuCount(1);
              s.setGpuMaker(GpuMaker.INTEL);
            });

    var control = renamed.reconcile(bundle, null);

    assertThat(control.getResource().orElseThrow().getStatus().getResources())
        .containsEntry("gpu.intel.com/xe", "1")
        .doesNotContainKey("gpu.intel.com/i915");
  }

  @Test
  void aDeprecatedBundleStaysReadyWithReasonDeprecated() {
    ResourceBundleStatus status = reconcile(bundle(s -> s.setDeprecated(true)));
    assertThat(ready(status).getStatus().name()).isEqualTo("TRUE");
    assertThat(ready(status).getReason()).isEqualTo("Deprecated");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no cpu        | spec.cpuCount: must be set and at least 1",
        "zero cpu      | spec.cpuCount: must be set and at least 1, is 0",
        "small memory  | spec.memoryBytes: must be set and at least 134217728 (128 MiB), is 1000",
        "no memory     | spec.memoryBytes: must be set",
        "negative gpus | spec.gpuCount: must not be negative, is -1",
        "gpus no maker | spec.gpuMaker: required when gpuCount is greater than 0",
        "maker no gpus | spec.gpuMaker: set although gpuCount is 0",
        "no use cases  | spec.useCases: list at least one use case",
      })
  void aBundleThatFailsACheckIsNotReadyNamingTheField(String broken, String message) {
    Consumer<ResourceBundleSpec> change =
        switch (broken) {
          case "no cpu" -> s -> s.setCpuCount(null);
          case "zero cpu" -> s -> s.setCpuCount(0);
          case "small memory" -> s -> s.setMemoryBytes(1000L);
          case "no memory" -> s -> s.setMemoryBytes(null);
          case "negative gpus" -> s -> s.setGpuCount(-1);
          case "gpus no maker" -> s -> s.setGpuCount(1);
          case "maker no gpus" -> s -> s.setGpuMaker(GpuMaker.NVIDIA);
          case "no use cases" -> s -> s.setUseCases(List.of());
          default -> throw new IllegalArgumentException(broken);
        };
    ResourceBundleStatus status = reconcile(bundle(change));
    assertThat(ready(status).getStatus().name()).isEqualTo("FALSE");
    assertThat(ready(status).getReason()).isEqualTo("InvalidBundle");
    assertThat(ready(status).getMessage()).startsWith(message);
    assertThat(status.getResources()).isNull();
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    ResourceBundleStatus status =
        reconcile(
            bundle(
                s -> {
                  s.setCpuCount(0);
                  s.setUseCases(List.of());
                }));
    assertThat(ready(status).getMessage()).contains("spec.cpuCount").contains("; spec.useCases");
  }

  @Test
  void anUnchangedBundleWritesNothing() {
    ResourceBundle bundle = bundle(s -> {});
    bundle.setStatus(reconcile(bundle));
    assertThat(reconciler.reconcile(bundle, null).isPatchStatus()).isFalse();
  }

  private ResourceBundleStatus reconcile(ResourceBundle bundle) {
    var control = reconciler.reconcile(bundle, null);
    assertThat(control.isPatchStatus()).isTrue();
    return control.getResource().orElseThrow().getStatus();
  }

  private static Condition ready(ResourceBundleStatus status) {
    return status.getConditions().stream()
        .filter(c -> c.getType().equals("Ready"))
        .findFirst()
        .orElseThrow();
  }

  private static ResourceBundle bundle(Consumer<ResourceBundleSpec> change) {
    ResourceBundle bundle = new ResourceBundle();
    bundle.setMetadata(new ObjectMetaBuilder().withName("cpu.medium").withGeneration(1L).build());
    ResourceBundleSpec spec = new ResourceBundleSpec();
    spec.setCpuCount(2);
    spec.setMemoryBytes(1073741824L);
    spec.setUseCases(List.of(UseCase.CUSTOM_MODEL));
    change.accept(spec);
    bundle.setSpec(spec);
    return bundle;
  }
}
