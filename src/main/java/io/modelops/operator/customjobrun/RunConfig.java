package io.modelops.operator.customjobrun;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.cache.LeanCaches;
import io.modelops.operator.naming.RunLabels;
import io.modelops.operator.naming.RunNames;
import io.modelops.operator.reconcile.OwnedResource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's ConfigMap, built from the run's {@link RunPlan}: the job's workerConfig and custom metric
 * definitions, as JSON files.
 */
@KubernetesDependent(
    informer = @Informer(labelSelector = RunLabels.SELECTOR, itemStore = LeanCaches.Applied.class))
public class RunConfig extends OwnedResource<ConfigMap, CustomJobRun> {
  /** The object's name does not depend on the plan, so it can be found for deletion. */
  @Override
  protected ResourceID targetSecondaryResourceID(
      CustomJobRun primary, Context<CustomJobRun> context) {
    return new ResourceID(RunNames.config(primary), primary.getMetadata().getNamespace());
  }

  @Override
  protected ConfigMap desired(CustomJobRun run, Context<CustomJobRun> context) {
    return desired(RunPlan.of(context).orElseThrow());
  }

  static ConfigMap desired(RunPlan plan) {
    Map<String, String> data = new LinkedHashMap<>();
    plan.workerConfig().ifPresent(w -> data.put(RunPlanner.WORKER_CONFIG, Serialization.asJson(w)));
    if (!plan.customMetrics().isEmpty()) {
      data.put(RunPlanner.CUSTOM_METRICS, Serialization.asJson(plan.customMetrics()));
    }
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(plan.configName())
        .withNamespace(plan.namespace())
        .withLabels(RunLabels.run(plan.customJob(), plan.run()))
        .endMetadata()
        .withData(data)
        .build();
  }

  /** A run starts now and its job has a workerConfig or custom metrics. */
  public static class Needed implements Condition<ConfigMap, CustomJobRun> {
    @Override
    public boolean isMet(
        DependentResource<ConfigMap, CustomJobRun> dependent,
        CustomJobRun run,
        Context<CustomJobRun> context) {
      return RunPlan.of(context).map(RunPlan::needsConfig).orElse(false);
    }
  }
}
