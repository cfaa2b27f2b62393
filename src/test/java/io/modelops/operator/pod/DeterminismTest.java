package io.modelops.operator.pod;

import static io.modelops.operator.pod.Workloads.SELECTOR;
import static io.modelops.operator.pod.Workloads.git;
import static io.modelops.operator.pod.Workloads.model;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Equal inputs give equal pods, so a no-op reconcile computes the same desired state. */
class DeterminismTest {

  private static WorkloadInputs.Builder richModel(
      Map<String, String> labels,
      Map<String, String> metadata,
      List<RuntimeParameter> params,
      Map<String, Quantity> limits) {
    return model()
        .code(git(Optional.of(new SecretKey("git", "token"))))
        .environment(
            List.of(
                new EnvironmentVariable("TARGET_TYPE", "Binary"),
                new EnvironmentVariable("TARGET_NAME", "churned")))
        .requiredMetadata(metadata)
        .runtimeParameters(params)
        .resources(ComputeResources.requestsEqualLimits(limits))
        .podLabels(labels)
        .podAnnotations(labels)
        .hostAntiAffinity(new HostAntiAffinity(labels))
        .configMapMounts(List.of(new ConfigMapMount("metrics", "/etc/modelops/metrics")));
  }

  private static <K, V> Map<K, V> reversed(Map<K, V> map) {
    List<Map.Entry<K, V>> entries = new ArrayList<>(map.entrySet());
    Collections.reverse(entries);
    Map<K, V> reversed = new LinkedHashMap<>();
    entries.forEach(e -> reversed.put(e.getKey(), e.getValue()));
    return reversed;
  }

  @Test
  void equalInputsGiveEqualPods() {
    WorkloadInputs inputs =
        richModel(
                SELECTOR,
                Map.of("A", "1"),
                List.of(RuntimeParameter.numeric("X", 1)),
                Map.of("cpu", new Quantity("1")))
            .build();

    PodTemplateSpec first = PodAssembly.podTemplate(inputs);
    PodTemplateSpec second = PodAssembly.podTemplate(inputs);

    assertThat(second).isEqualTo(first).isNotSameAs(first);
    assertThat(Serialization.asYaml(second)).isEqualTo(Serialization.asYaml(first));
  }

  @Test
  void theOrderOfMapsAndRuntimeParametersDoesNotChangeThePod() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("b", "2");
    labels.put("a", "1");
    labels.put("c", "3");
    Map<String, String> metadata = new HashMap<>(Map.of("Z", "z", "M", "m", "A", "a"));
    List<RuntimeParameter> params =
        List.of(
            RuntimeParameter.numeric("EPOCHS", 3),
            new RuntimeParameter.Credential("DB", new SecretKey("db", "credential")),
            RuntimeParameter.string("MODE", "fast"));
    Map<String, Quantity> limits = new LinkedHashMap<>();
    limits.put("memory", new Quantity("1Gi"));
    limits.put("cpu", new Quantity("1"));
    limits.put("nvidia.com/gpu", new Quantity("1"));

    String one =
        Serialization.asYaml(
            PodAssembly.podTemplate(richModel(labels, metadata, params, limits).build()));
    List<RuntimeParameter> shuffled = new ArrayList<>(params);
    Collections.reverse(shuffled);
    String other =
        Serialization.asYaml(
            PodAssembly.podTemplate(
                richModel(reversed(labels), reversed(metadata), shuffled, reversed(limits))
                    .build()));

    assertThat(other).isEqualTo(one);
  }

  @Test
  void changingTheCallersQuantityAfterwardsDoesNotChangeTheInputs() {
    Quantity memory = new Quantity("1Gi");
    WorkloadInputs inputs =
        model().resources(ComputeResources.requestsEqualLimits(Map.of("memory", memory))).build();
    PodTemplateSpec before = PodAssembly.podTemplate(inputs);

    memory.setAmount("64");

    assertThat(PodAssembly.podTemplate(inputs)).isEqualTo(before);
  }

  @Test
  void changingAnAssembledPodDoesNotLeakIntoTheNextOne() {
    WorkloadInputs inputs =
        model()
            .resources(ComputeResources.requestsEqualLimits(Map.of("memory", new Quantity("1Gi"))))
            .build();
    PodTemplateSpec first = PodAssembly.podTemplate(inputs);
    PodTemplateSpec pristine = PodAssembly.podTemplate(inputs);

    first.getSpec().getContainers().get(0).getResources().getLimits().get("memory").setAmount("2");
    first.getMetadata().getLabels().put("extra", "x");

    assertThat(PodAssembly.podTemplate(inputs)).isEqualTo(pristine);
  }
}
