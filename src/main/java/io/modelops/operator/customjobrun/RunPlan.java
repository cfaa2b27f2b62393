package io.modelops.operator.customjobrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.modelops.operator.api.v1alpha1.customjob.CustomMetric;
import io.modelops.operator.api.v1alpha1.customjobrun.CustomJobRun;
import io.modelops.operator.pod.WorkloadInputs;
import io.modelops.operator.reconcile.NameClaims;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the reconciler decided for a run that starts now: the names, the resolved inputs of the
 * run's pod, the Job's retry and deadline settings, and the files of the run's ConfigMap. {@link
 * RunJob} and {@link RunConfig} build their objects from it. The reconciler hands it to the
 * workflow only when a run starts; without one, the workflow removes the run's Job and ConfigMap
 * (cancel).
 *
 * @param namespace the run's namespace
 * @param customJob the CustomJob's name
 * @param run the CustomJobRun's name
 * @param jobName the batch/v1 Job's name
 * @param pod the resolved inputs of the run's pod
 * @param backoffLimit pod retries ({@code spec.retries})
 * @param activeDeadlineSeconds {@code timeoutSeconds} capped by {@code maxCustomJobTimeout}
 * @param configName the run's ConfigMap name
 * @param workerConfig the job's workerConfig, written as {@link RunPlanner#WORKER_CONFIG}
 * @param customMetrics the job's metric definitions, written as {@link RunPlanner#CUSTOM_METRICS}
 */
public record RunPlan(
    String namespace,
    String customJob,
    String run,
    String jobName,
    WorkloadInputs pod,
    int backoffLimit,
    long activeDeadlineSeconds,
    String configName,
    Optional<JsonNode> workerConfig,
    List<CustomMetric> customMetrics) {
  static final String KEY = RunPlan.class.getName();

  public RunPlan {
    customMetrics = List.copyOf(customMetrics);
  }

  /** The names of the objects a starting run creates: free or this run's before it starts. */
  public List<NameClaims.Claim> claims() {
    String from = "CustomJobRun " + run;
    List<NameClaims.Claim> claims = new ArrayList<>();
    claims.add(new NameClaims.Claim(Job.class, jobName, from));
    if (needsConfig()) {
      claims.add(new NameClaims.Claim(ConfigMap.class, configName, from));
    }
    return claims;
  }

  /** Whether the run has a ConfigMap. */
  public boolean needsConfig() {
    return workerConfig.isPresent() || !customMetrics.isEmpty();
  }

  /** The plan the reconciler handed to this pass of the workflow, if a run starts. */
  static Optional<RunPlan> of(Context<CustomJobRun> context) {
    return context.managedWorkflowAndDependentResourceContext().get(KEY, RunPlan.class);
  }
}
