package io.modelops.operator.api.v1alpha1.resourcebundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.modelops.operator.api.SchemaPatch;
import io.modelops.operator.api.v1alpha1.common.Formats;
import java.util.List;
import java.util.Map;

/**
 * Where the pods of models and jobs on a bundle run, owned by the platform: tenants choose a bundle
 * and never set placement themselves.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.nodeSelector) || self.nodeSelector.all(k, size(k) <= 317 &&"
            + " k.matches('"
            + BundlePlacement.LABEL_KEY_CEL
            + "'))",
    message = "nodeSelector: keys are label keys (prefix/name, at most 317 characters)",
    fieldPath = ".nodeSelector")
@ValidationRule(
    value =
        "!has(self.nodeSelector) || self.nodeSelector.all(k,"
            + " self.nodeSelector[k].matches('^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$'))",
    message = "nodeSelector: values are label values (at most 63 characters)",
    fieldPath = ".nodeSelector")
@SchemaCustomizer(value = SchemaPatch.class, input = BundlePlacement.SCHEMA_PATCH)
public class BundlePlacement {
  /** Formats.LABEL_KEY for a CEL string literal (backslashes doubled). */
  static final String LABEL_KEY_CEL =
      "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$";

  static final String SCHEMA_PATCH =
      """
      {"properties": {
        "nodeSelector": {"maxProperties": 20,
          "additionalProperties": {"maxLength": 63, "pattern": "^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$"},
          "x-kubernetes-validations": [{"rule": "self.all(k, k.size() <= 317)",
            "message": "nodeSelector: keys are label keys (at most 317 characters)"}]},
        "topologySpreadConstraints": {"x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["topologyKey"]}}}
      """;

  @JsonPropertyDescription(
      "Node labels every pod's node must carry (at most 20; keys and values as Kubernetes labels).")
  private Map<String, String> nodeSelector;

  @Size(max = 20)
  @JsonPropertyDescription(
      "Taints the pods tolerate, e.g. the taint of a GPU node pool (at most 20).")
  private List<PlacementToleration> tolerations;

  @JsonPropertyDescription("Nodes the pods must or would rather use, by node labels.")
  private PlacementNodeAffinity nodeAffinity;

  @Size(max = 253)
  @Pattern(Formats.OBJECT_NAME)
  @JsonPropertyDescription("PriorityClass of the pods.")
  private String priorityClassName;

  @Size(max = 253)
  @Pattern(Formats.OBJECT_NAME)
  @JsonPropertyDescription("RuntimeClass of the pods, e.g. nvidia.")
  private String runtimeClassName;

  @Size(max = 4)
  @JsonPropertyDescription(
      "How a workload's pods spread over node domains, besides the spread over nodes that requiresHa models get (at most 4, one per topologyKey).")
  private List<PlacementSpread> topologySpreadConstraints;

  @JsonPropertyDescription(
      "requiresHa models on this bundle get required pod anti-affinity on kubernetes.io/hostname instead of a spread: at most one replica per node, so replicas beyond the number of nodes stay Pending and the model reports Degraded. Default: false (or the operator's setting).")
  private Boolean requiredHostAntiAffinity;

  public Map<String, String> getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(Map<String, String> nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  public List<PlacementToleration> getTolerations() {
    return tolerations;
  }

  public void setTolerations(List<PlacementToleration> tolerations) {
    this.tolerations = tolerations;
  }

  public PlacementNodeAffinity getNodeAffinity() {
    return nodeAffinity;
  }

  public void setNodeAffinity(PlacementNodeAffinity nodeAffinity) {
    this.nodeAffinity = nodeAffinity;
  }

  public String getPriorityClassName() {
    return priorityClassName;
  }

  public void setPriorityClassName(String priorityClassName) {
    this.priorityClassName = priorityClassName;
  }

  public String getRuntimeClassName() {
    return runtimeClassName;
  }

  public void setRuntimeClassName(String runtimeClassName) {
    this.runtimeClassName = runtimeClassName;
  }

  public List<PlacementSpread> getTopologySpreadConstraints() {
    return topologySpreadConstraints;
  }

  public void setTopologySpreadConstraints(List<PlacementSpread> topologySpreadConstraints) {
    this.topologySpreadConstraints = topologySpreadConstraints;
  }

  public Boolean getRequiredHostAntiAffinity() {
    return requiredHostAntiAffinity;
  }

  public void setRequiredHostAntiAffinity(Boolean requiredHostAntiAffinity) {
    this.requiredHostAntiAffinity = requiredHostAntiAffinity;
  }
}
