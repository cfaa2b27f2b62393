package io.modelops.operator.api.v1alpha1.resourcebundle;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The vendor of a resource bundle's GPUs; decides the extended resource name. */
public enum GpuMaker {
  @JsonProperty("nvidia")
  NVIDIA,
  @JsonProperty("amd")
  AMD,
  @JsonProperty("intel")
  INTEL;
}
