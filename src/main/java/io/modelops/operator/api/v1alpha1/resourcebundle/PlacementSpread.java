package io.modelops.operator.api.v1alpha1.resourcebundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.modelops.operator.api.v1alpha1.common.Formats;

/**
 * A topology spread constraint for the pods of one workload on a bundle. The operator selects the
 * workload's own pods (one model version's replicas) and ignores nodes the pods may not use
 * (tainted or not matching the node selector and affinity).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlacementSpread {
  @Required
  @Size(max = 317)
  @Pattern(Formats.LABEL_KEY)
  @JsonPropertyDescription(
      "Node label whose values are the domains to spread over, e.g. topology.kubernetes.io/zone.")
  private String topologyKey;

  @Min(1)
  @Max(100)
  @JsonPropertyDescription(
      "Largest allowed difference of pod counts between two domains, 1..100. Default: 1.")
  private Integer maxSkew;

  @JsonPropertyDescription(
      "DoNotSchedule (a pod waits rather than break the constraint) or ScheduleAnyway (a preference). Default: ScheduleAnyway.")
  private WhenUnsatisfiable whenUnsatisfiable;

  public String getTopologyKey() {
    return topologyKey;
  }

  public void setTopologyKey(String topologyKey) {
    this.topologyKey = topologyKey;
  }

  public Integer getMaxSkew() {
    return maxSkew;
  }

  public void setMaxSkew(Integer maxSkew) {
    this.maxSkew = maxSkew;
  }

  public WhenUnsatisfiable getWhenUnsatisfiable() {
    return whenUnsatisfiable;
  }

  public void setWhenUnsatisfiable(WhenUnsatisfiable whenUnsatisfiable) {
    this.whenUnsatisfiable = whenUnsatisfiable;
  }
}
