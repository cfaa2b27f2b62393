package io.modelops.operator.api.v1alpha1.resourcebundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.modelops.operator.api.v1alpha1.common.ConditionedStatus;
import java.util.Map;

/**
 * Observed state of a bundle: whether its spec passed the operator's checks, and the container
 * resources it gives a pod.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourceBundleStatus extends ConditionedStatus {
  @JsonPropertyDescription(
      "The requests (= limits) a model's or job's container gets from this bundle: cpu, memory"
          + " in bytes, and the GPU extended resource of gpuMaker (e.g. nvidia.com/gpu) when"
          + " gpuCount > 0. Absent when Ready is False.")
  private Map<String, String> resources;

  public Map<String, String> getResources() {
    return resources;
  }

  public void setResources(Map<String, String> resources) {
    this.resources = resources;
  }
}
