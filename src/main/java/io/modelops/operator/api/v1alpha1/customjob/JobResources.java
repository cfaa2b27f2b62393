package io.modelops.operator.api.v1alpha1.customjob;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Quantity;
import io.modelops.operator.api.SchemaPatch;
import io.modelops.operator.api.v1alpha1.common.Formats;
import io.modelops.operator.api.v1alpha1.common.NameRef;

/** Compute and network resources of a custom job's pods. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.resourceBundleRef) || (!has(self.cpu) && !has(self.memory))",
    message = "resources: resourceBundleRef cannot be combined with cpu or memory",
    fieldPath = ".resourceBundleRef")
// The generator ignores @Pattern on Quantity (int-or-string) fields; the pattern applies to the
// string form, the minimum to the integer form.
@SchemaCustomizer(value = SchemaPatch.class, input = JobResources.QUANTITY_BOUNDS)
public class JobResources {
  static final String QUANTITY_BOUNDS =
      "{\"properties\": {\"cpu\": {\"minimum\": 0, \"maxLength\": 64, \"pattern\": \""
          + Formats.QUANTITY_JSON
          + "\"},"
          + " \"memory\": {\"minimum\": 0, \"maxLength\": 64, \"pattern\": \""
          + Formats.QUANTITY_JSON
          + "\"}}}";

  @JsonPropertyDescription(
      "Egress allowed from the job's pods: none (DNS only) or public (DNS and any address except"
          + " link-local/cloud metadata addresses and the cluster ranges the platform excludes)."
          + " The platform may allow only some policies in a namespace (its runs are refused"
          + " with EgressNotAllowed). Default: none.")
  private JobEgressPolicy egressNetworkPolicy;

  @JsonPropertyDescription(
      "A ResourceBundle (cluster-scoped) whose cpu, memory and GPUs become requests and limits."
          + " Not with cpu/memory. Default: the bundle marked isDefault for customJob, if any.")
  private NameRef resourceBundleRef;

  @JsonPropertyDescription(
      "CPU request and limit as a Kubernetes quantity, e.g. \"2\" or \"500m\".")
  private Quantity cpu;

  @JsonPropertyDescription(
      "Memory request and limit as a Kubernetes quantity, e.g. \"4G\" or \"512Mi\".")
  private Quantity memory;

  public JobEgressPolicy getEgressNetworkPolicy() {
    return egressNetworkPolicy;
  }

  public void setEgressNetworkPolicy(JobEgressPolicy egressNetworkPolicy) {
    this.egressNetworkPolicy = egressNetworkPolicy;
  }

  public NameRef getResourceBundleRef() {
    return resourceBundleRef;
  }

  public void setResourceBundleRef(NameRef resourceBundleRef) {
    this.resourceBundleRef = resourceBundleRef;
  }

  public Quantity getCpu() {
    return cpu;
  }

  public void setCpu(Quantity cpu) {
    this.cpu = cpu;
  }

  public Quantity getMemory() {
    return memory;
  }

  public void setMemory(Quantity memory) {
    this.memory = memory;
  }
}
