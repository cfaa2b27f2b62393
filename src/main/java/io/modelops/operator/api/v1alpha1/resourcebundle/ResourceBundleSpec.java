package io.modelops.operator.api.v1alpha1.resourcebundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.modelops.operator.api.SchemaPatch;
import java.util.List;

/** Compute of a bundle, applied as requests = limits for cpu, memory and GPUs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.gpuCount) || self.gpuCount == 0 || has(self.gpuMaker)",
    message = "gpuMaker is required when gpuCount is greater than 0",
    reason = "FieldValueRequired",
    fieldPath = ".gpuMaker")
@ValidationRule(
    value = "!has(self.gpuMaker) || (has(self.gpuCount) && self.gpuCount > 0)",
    message = "gpuMaker needs gpuCount greater than 0",
    fieldPath = ".gpuMaker")
@SchemaCustomizer(
    value = SchemaPatch.class,
    input = "{\"properties\":{\"useCases\":{\"x-kubernetes-list-type\":\"set\"}}}")
public class ResourceBundleSpec {
  @Size(max = 2000)
  @JsonPropertyDescription("What the bundle offers, for humans, e.g. \"1 CPU, 1 GiB\".")
  private String description;

  @Required
  @Min(1)
  @Max(1024)
  @JsonPropertyDescription("Number of CPUs (request = limit), 1..1024.")
  private Integer cpuCount;

  @Required
  @Min(134217728)
  @Max(4398046511104L)
  @JsonPropertyDescription("Memory in bytes (request = limit), 134217728 (128 MiB) .. 4 TiB.")
  private Long memoryBytes;

  @Min(0)
  @Max(64)
  @JsonPropertyDescription("Number of GPUs (request = limit), 0..64. Default: 0.")
  private Integer gpuCount;

  @JsonPropertyDescription(
      "GPU vendor, required with gpuCount > 0: nvidia (nvidia.com/gpu), amd (amd.com/gpu) or"
          + " intel (gpu.intel.com/i915).")
  private GpuMaker gpuMaker;

  @Required
  @Size(min = 1, max = 4)
  @JsonPropertyDescription(
      "What may use the bundle: customModel, customJob, customApplication, sapAICore (no"
          + " duplicates). Other users are refused.")
  private List<UseCase> useCases;

  @JsonPropertyDescription(
      "The default bundle of its use cases, used when a model or job names neither a bundle nor"
          + " memory. Default: false.")
  private Boolean isDefault;

  @JsonPropertyDescription(
      "Deprecated bundles keep serving existing users but new references are refused. Default:"
          + " false.")
  private Boolean deprecated;

  @JsonPropertyDescription(
      "Where pods on this bundle run (node selector, tolerations, node affinity, priority and"
          + " runtime class, spread), set by the platform. Models and jobs on the bundle get the"
          + " same placement; tenants cannot set placement on their own objects.")
  private BundlePlacement placement;

  public BundlePlacement getPlacement() {
    return placement;
  }

  public void setPlacement(BundlePlacement placement) {
    this.placement = placement;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Integer getCpuCount() {
    return cpuCount;
  }

  public void setCpuCount(Integer cpuCount) {
    this.cpuCount = cpuCount;
  }

  public Long getMemoryBytes() {
    return memoryBytes;
  }

  public void setMemoryBytes(Long memoryBytes) {
    this.memoryBytes = memoryBytes;
  }

  public Integer getGpuCount() {
    return gpuCount;
  }

  public void setGpuCount(Integer gpuCount) {
    this.gpuCount = gpuCount;
  }

  public GpuMaker getGpuMaker() {
    return gpuMaker;
  }

  public void setGpuMaker(GpuMaker gpuMaker) {
    this.gpuMaker = gpuMaker;
  }

  public List<UseCase> getUseCases() {
    return useCases;
  }

  public void setUseCases(List<UseCase> useCases) {
    this.useCases = useCases;
  }

  public Boolean getIsDefault() {
    return isDefault;
  }

  public void setIsDefault(Boolean isDefault) {
    this.isDefault = isDefault;
  }

  public Boolean getDeprecated() {
    return deprecated;
  }

  public void setDeprecated(Boolean deprecated) {
    this.deprecated = deprecated;
  }
}
