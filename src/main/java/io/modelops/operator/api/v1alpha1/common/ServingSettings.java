package io.modelops.operator.api.v1alpha1.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * How a model is served: the CustomModel's defaults, which each CustomModelVersion may override
 * field by field. Both specs extend this class, so the schema and its rules are the same for both.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.resourceBundleRef) || (!has(self.maximumMemory) && !has(self.desiredMemory))",
    message =
        "resourceBundleRef cannot be combined with maximumMemory or desiredMemory: the bundle sets the memory",
    fieldPath = ".resourceBundleRef")
@ValidationRule(
    value =
        "!has(self.desiredMemory) || !has(self.maximumMemory) || self.desiredMemory <= self.maximumMemory",
    message = "desiredMemory must not be greater than maximumMemory",
    fieldPath = ".desiredMemory")
@ValidationRule(
    value =
        "!has(self.requiresHa) || !self.requiresHa || !has(self.replicas) || self.replicas >= 2",
    message = "requiresHa needs replicas >= 2: replicas are spread over different nodes",
    fieldPath = ".replicas")
@ValidationRule(
    value = "!has(self.replicas) || !has(self.autoscaling)",
    message =
        "replicas and autoscaling cannot both be set: with autoscaling the HorizontalPodAutoscaler"
            + " sets the replicas (remove replicas, or autoscaling to scale by hand)",
    fieldPath = ".replicas")
@ValidationRule(
    value =
        "!has(self.requiresHa) || !self.requiresHa || !has(self.autoscaling) || (self.autoscaling.maxReplicas >= 2 && (!has(self.autoscaling.minReplicas) || self.autoscaling.minReplicas >= 2))",
    message = "requiresHa needs autoscaling.minReplicas and autoscaling.maxReplicas >= 2",
    fieldPath = ".autoscaling")
public abstract class ServingSettings {
  /** What {@code replicas} means, for the field each subclass declares. */
  public static final String REPLICAS_DESCRIPTION =
      "Number of serving pods, 1..8 (capped by the operator's maxCustomModelReplicasPerDeployment)."
          + " Not with autoscaling. Default: 1, or 2 with requiresHa.";

  @Min(134217728)
  @Max(15032385536L)
  @JsonPropertyDescription(
      "Memory limit of the model container in bytes, 134217728..15032385536 and at most the"
          + " operator's maxCustomModelContainerSize; the container is killed above it. Not with"
          + " resourceBundleRef. Default: desiredMemory when only that is set; with neither memory"
          + " field nor a bundle, the default ResourceBundle of customModel, else the operator's"
          + " desiredCustomModelContainerSize (128 MiB) as request and limit.")
  private Long maximumMemory;

  @Min(134217728)
  @Max(15032385536L)
  @JsonPropertyDescription(
      "Memory request of the model container in bytes, 134217728..15032385536, at most"
          + " maximumMemory. Not with resourceBundleRef. Default: maximumMemory.")
  private Long desiredMemory;

  @JsonPropertyDescription(
      "A ResourceBundle (cluster-scoped) whose cpu, memory and GPUs become the container's"
          + " requests and limits. Not with maximumMemory/desiredMemory. Default: none; with"
          + " neither memory field set, the bundle marked isDefault for customModel, if any.")
  private NameRef resourceBundleRef;

  @JsonPropertyDescription(
      "Egress allowed from the model's pods, enforced by a NetworkPolicy: NONE (cluster DNS"
          + " only), DR_API_ACCESS (DNS and the platform API destinations of the operator's"
          + " configuration) or PUBLIC (DNS and any address except link-local/cloud metadata"
          + " addresses and the cluster ranges the platform excludes). The platform may allow only"
          + " some policies in a namespace (refused with EgressNotAllowed). Default: NONE.")
  private NetworkEgressPolicy networkEgressPolicy;

  @JsonPropertyDescription(
      "Spread replicas evenly over nodes (and zones where nodes carry"
          + " topology.kubernetes.io/zone) with topology spread constraints, so more replicas than"
          + " nodes still schedule, and add a PodDisruptionBudget; the resource bundle or the"
          + " operator can require at most one replica per node instead. Needs replicas >= 2."
          + " Default: false.")
  private Boolean requiresHa;

  @JsonPropertyDescription(
      "Scale the served version between autoscaling.minReplicas and maxReplicas with a"
          + " HorizontalPodAutoscaler the operator creates, instead of a fixed replicas (not with"
          + " replicas). A version that sets replicas or autoscaling overrides the model's"
          + " scaling as a whole. Default: none (fixed replicas).")
  private Autoscaling autoscaling;

  /**
   * The fixed number of serving pods. Declared by each kind, so that only the CustomModel's is its
   * scale subresource.
   */
  public abstract Integer getReplicas();

  public abstract void setReplicas(Integer replicas);

  public Autoscaling getAutoscaling() {
    return autoscaling;
  }

  public void setAutoscaling(Autoscaling autoscaling) {
    this.autoscaling = autoscaling;
  }

  public Long getMaximumMemory() {
    return maximumMemory;
  }

  public void setMaximumMemory(Long maximumMemory) {
    this.maximumMemory = maximumMemory;
  }

  public Long getDesiredMemory() {
    return desiredMemory;
  }

  public void setDesiredMemory(Long desiredMemory) {
    this.desiredMemory = desiredMemory;
  }

  public NameRef getResourceBundleRef() {
    return resourceBundleRef;
  }

  public void setResourceBundleRef(NameRef resourceBundleRef) {
    this.resourceBundleRef = resourceBundleRef;
  }

  public NetworkEgressPolicy getNetworkEgressPolicy() {
    return networkEgressPolicy;
  }

  public void setNetworkEgressPolicy(NetworkEgressPolicy networkEgressPolicy) {
    this.networkEgressPolicy = networkEgressPolicy;
  }

  public Boolean getRequiresHa() {
    return requiresHa;
  }

  public void setRequiresHa(Boolean requiresHa) {
    this.requiresHa = requiresHa;
  }
}
